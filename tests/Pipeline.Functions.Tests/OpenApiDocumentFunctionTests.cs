using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Api;

namespace Pipeline.Functions.Tests;

/// <summary>The Functions app serves an OpenAPI document that describes its own HTTP functions' routes.</summary>
public sealed class OpenApiDocumentFunctionTests
{
    [Fact]
    public void GetOpenApiDocument_V1_DescribesEveryHttpFunctionRoute()
    {
        var result = Assert.IsType<FileContentHttpResult>(ApiFunctions.GetOpenApiDocument(new DefaultHttpContext().Request, "v1").Result);
        using var document = JsonDocument.Parse(result.FileContents);
        var paths = document.RootElement.GetProperty("paths");

        var routes = DescribedRoutes().ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.True(
            paths.TryGetProperty("/" + PipelineApi.RoutePrefix + "/" + route, out var path) && path.TryGetProperty("get", out _),
            $"GET /{PipelineApi.RoutePrefix}/{route} is not in the served document"));
        Assert.Equal("application/json; charset=utf-8", result.ContentType);
    }

    [Fact]
    public void GetOpenApiDocument_UnknownName_NotFound()
    {
        Assert.IsType<NotFound>(ApiFunctions.GetOpenApiDocument(new DefaultHttpContext().Request, "v9").Result);
    }

    // Every HTTP function's route but the page and the document itself, which are not API operations.
    private static IEnumerable<string> DescribedRoutes() =>
        typeof(ApiFunctions).GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionAttribute>()?.Name is { } name && name is not (ApiRoutes.Dashboard or ApiRoutes.GetOpenApiDocument))
            .Select(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!.Route!);
}

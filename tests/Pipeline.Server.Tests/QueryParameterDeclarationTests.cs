using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Api.Queries;

namespace Pipeline.Server.Tests;

/// <summary>
/// Every endpoint that reads the query string declares its parameters (<see cref="QueryParameterSetExtensions.WithQueryParameters"/>),
/// and accepts exactly those: read from the app's real endpoints, so a new endpoint is checked without editing this test.
/// </summary>
public sealed class QueryParameterDeclarationTests : IDisposable
{
    private readonly ServerAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Endpoints_HandlerTakingTheRequest_DeclareTheirQueryParameters()
    {
        var readingQuery = _factory.ApiEndpoints()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.ParameterType == typeof(HttpRequest)) == true)
            .ToList();

        Assert.NotEmpty(readingQuery);
        Assert.All(readingQuery, e => Assert.True(
            e.Metadata.GetMetadata<QueryParameterSet>() is not null,
            $"{e.RoutePattern.RawText} reads the query string but declares no parameters: add .WithQueryParameters(...)"));
    }

    [Fact]
    public async Task Get_EveryEndpoint_AcceptsExactlyItsDeclaredParameters()
    {
        var endpoints = _factory.ApiEndpoints().Where(e => e.Metadata.GetMetadata<QueryParameterSet>() is not null).ToList();
        var everyName = endpoints.SelectMany(e => e.Metadata.GetMetadata<QueryParameterSet>()!.Select(p => p.Name))
            .Append("sentimnet").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        using var client = _factory.CreateClient();

        foreach (var endpoint in endpoints)
        {
            var declared = endpoint.Metadata.GetMetadata<QueryParameterSet>()!;
            var path = string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => s.IsSimple && s.Parts[0].IsLiteral ? ((RoutePatternLiteralPart)s.Parts[0]).Content : "x"));
            foreach (var name in everyName)
            {
                var parameter = declared.Find(name);
                var url = $"/{path}?{name}={Uri.EscapeDataString(parameter is null ? "x" : SampleValue(parameter))}";

                using var response = await client.GetAsync(url);
                var unknown = await UnknownParameterErrorAsync(response, name);

                if (parameter is null)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest && unknown, $"{url}: undeclared '{name}' was not rejected ({(int)response.StatusCode}).");
                }
                else
                {
                    Assert.False(unknown, $"{url}: declared '{name}' was rejected as unknown.");
                }
            }
        }
    }

    [Fact]
    public async Task Get_UnknownParameter_Returns400ValidationProblemNamingIt()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/articles?sentimnet=negative");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Invalid query parameters", problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("Unknown parameter 'sentimnet'. Allowed: from, to, source,", problem.RootElement.GetProperty("errors").GetProperty("sentimnet")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>A value the declaration accepts.</summary>
    private static string SampleValue(QueryParameter parameter) => parameter.Kind switch
    {
        QueryParameterKind.Integer => parameter.Maximum!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        QueryParameterKind.Date => "2016-06-01",
        QueryParameterKind.Enum => parameter.AllowedValues[^1],
        QueryParameterKind.Language => "en",
        _ => "x",
    };


    private static async Task<bool> UnknownParameterErrorAsync(HttpResponseMessage response, string name)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("errors", out var errors)
            && errors.TryGetProperty(name, out var messages)
            && messages.EnumerateArray().Any(m => m.GetString()!.StartsWith("Unknown parameter", StringComparison.Ordinal));
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Functions.CustomHandler;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>functions/*/function.json and host.json agree with what the app serves.</summary>
public sealed partial class FunctionLayoutTests : IClassFixture<HandlerAppFactory>
{
    private readonly HandlerAppFactory _factory;

    public FunctionLayoutTests(HandlerAppFactory factory) => _factory = factory;

    /// <summary>
    /// HTTP functions are forwarded by the host on their original path, so every one must hit a GET route the
    /// app maps under /api, and every GET route under /api must be published as a function (or it is unreachable
    /// on Azure). Needs the query API routes (lead's Program.cs): fails on a branch without them.
    /// </summary>
    [Fact]
    public void HttpFunctions_MatchMappedGetRoutesUnderApi()
    {
        var functionRoutes = FunctionDefinition.All()
            .Where(f => f.IsHttp)
            .Select(f => Normalize("/api/" + f.HttpTrigger!.Value.GetProperty("route").GetString()))
            .Order(StringComparer.Ordinal)
            .ToList();

        var mappedRoutes = RouteEndpoints()
            .Where(e => AllowsMethod(e, "GET"))
            .Select(e => Normalize(e.RoutePattern.RawText!))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(mappedRoutes, functionRoutes);
    }

    [Fact]
    public void NonHttpFunctions_MatchInvocationEndpoints()
    {
        var functions = FunctionDefinition.All().Where(f => !f.IsHttp).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

        var endpoints = RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<CustomHandlerFunction>() is not null)
            .ToList();

        Assert.Equal(functions, endpoints.Select(e => e.Metadata.GetMetadata<CustomHandlerFunction>()!.Name).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e =>
        {
            var name = e.Metadata.GetMetadata<CustomHandlerFunction>()!.Name;
            Assert.Equal(Normalize("/" + name), Normalize(e.RoutePattern.RawText!));
            Assert.True(AllowsMethod(e, "POST"), name + " must accept POST");
        });
    }

    [Fact]
    public void HttpFunctions_AreForwardableAnonymousGets()
    {
        Assert.All(FunctionDefinition.All().Where(f => f.IsHttp), f =>
        {
            // The host forwards only functions with exactly one httpTrigger in and one http out.
            var types = f.BindingsArray.Select(b => b.GetProperty("type").GetString() + "/" + b.GetProperty("direction").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(["http/out", "httpTrigger/in"], types);
            var trigger = f.HttpTrigger!.Value;
            Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString());
            Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        });
    }

    [Fact]
    public void ProcessArticle_IsEventGridSourcedBinaryBlobTriggerOnArticles()
    {
        var function = Assert.Single(FunctionDefinition.All(), f => f.Name == FunctionNames.ProcessArticle);
        var trigger = Assert.Single(function.BindingsArray);

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(FunctionNames.ProcessArticleBinding, trigger.GetProperty("name").GetString());
        Assert.Equal(FunctionNames.ArticlesContainer + "/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("binary", trigger.GetProperty("dataType").GetString());
        Assert.Equal("ArticlesStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void DeleteArticle_IsEventGridTrigger()
    {
        var function = Assert.Single(FunctionDefinition.All(), f => f.Name == FunctionNames.DeleteArticle);
        var trigger = Assert.Single(function.BindingsArray);

        Assert.Equal("eventGridTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(FunctionNames.DeleteArticleBinding, trigger.GetProperty("name").GetString());
    }

    [Fact]
    public void HostJson_DeclaresCustomHandlerForwardingBundleAndRetries()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")));
        var host = document.RootElement;

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        var handler = host.GetProperty("customHandler");
        Assert.Equal("app/Pipeline.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("app", handler.GetProperty("description").GetProperty("workingDirectory").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.Equal("[4.*, 5.0.0)", host.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.InRange(host.GetProperty("extensions").GetProperty("blobs").GetProperty("poisonBlobThreshold").GetInt32(), 1, 10);
    }

    private List<RouteEndpoint> RouteEndpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static bool AllowsMethod(Endpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase);

    // "/api/articles/{id:length(16)}" and "api/articles/{id}" compare equal.
    private static string Normalize(string route) =>
        "/" + Parameter().Replace(route.Trim('/'), "{}").ToLowerInvariant();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}

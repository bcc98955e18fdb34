using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Server.Security;

namespace Pipeline.Server.Tests;

/// <summary>Cross-origin calls only from configured origins, security headers on every answer, request size limits.</summary>
public sealed class HttpHardeningTests
{
    private const string Grafana = "http://grafana.example:3000";
    private const string Key = "local-test-key-0123456789";

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-functions-key");
        return request;
    }

    private static HttpRequestMessage Get(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    [Fact]
    public async Task Get_NoOriginsConfigured_NoCorsHeaders()
    {
        using var factory = new ServerAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Get("/api/entities", Grafana));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_ConfiguredOriginWithApiKey_AllowsGetWithTheKeyHeader()
    {
        using var factory = new ServerAppFactory().WithSetting("Http:CorsOrigins:0", Grafana).WithSetting("Api:Key", Key);
        using var client = factory.CreateClient();

        using var allowed = await client.SendAsync(Preflight("/api/entities", Grafana));
        using var other = await client.SendAsync(Preflight("/api/entities", "http://evil.example"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode); // answered before the key is asked for
        Assert.Equal([Grafana], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("x-functions-key", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_ConfiguredOrigin_AllowsItAndExposesETag()
    {
        using var factory = new ServerAppFactory().WithSetting("Http:CorsOrigins:0", Grafana);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Get("/api/entities", Grafana));

        Assert.Equal([Grafana], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers"), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/entities")]
    [InlineData("/api/articles/not-an-id")]
    public async Task Get_JsonAnswer_HasSecurityHeadersAndAPolicyThatAllowsNothing(string path)
    {
        using var factory = new ServerAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal(["default-src 'none'; frame-ancestors 'none'"], response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task Get_Dashboard_KeepsItsOwnPolicyButNotFramed()
    {
        using var factory = new ServerAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"), "the page's own policy (a meta tag allowing its scripts) must not be overridden");
        Assert.Contains("Content-Security-Policy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_DefaultAndConfigured_ReachKestrel()
    {
        using var defaults = new ServerAppFactory();
        using var configured = new ServerAppFactory().WithSetting("Http:MaxRequestBodyBytes", "0").WithSetting("Http:MaxRequestHeadersBytes", "8192");
        _ = defaults.Server;
        _ = configured.Server;

        var byDefault = defaults.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        var set = configured.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal((16384L, 16384), (byDefault.MaxRequestBodySize, byDefault.MaxRequestHeadersTotalSize));
        Assert.Equal((0L, 8192), (set.MaxRequestBodySize, set.MaxRequestHeadersTotalSize));
    }

    [Theory]
    [InlineData("http://grafana.example/dashboards")]
    [InlineData("grafana.example")]
    [InlineData("ftp://grafana.example")]
    [InlineData("http://grafana.example/")]
    public async Task Start_OriginNotAnOrigin_FailsNamingTheSetting(string origin)
    {
        var error = await StartupValidation.FailureAsync(b => b.AddHttpHardening(), ("Http:CorsOrigins:0", origin));

        Assert.Contains("Http:CorsOrigins", error.Message, StringComparison.Ordinal);
        Assert.Contains(origin, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NegativeBodyLimit_FailsNamingTheSetting()
    {
        var error = await StartupValidation.FailureAsync(b => b.AddHttpHardening(), ("Http:MaxRequestBodyBytes", "-1"));

        Assert.Contains("Http:MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StarBesideAnOrigin_Fails()
    {
        var error = await StartupValidation.FailureAsync(b => b.AddHttpHardening(), ("Http:CorsOrigins:0", "*"), ("Http:CorsOrigins:1", Grafana));

        Assert.Contains("'*' is not alone", error.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using Pipeline.Server.Security;

namespace Pipeline.Server.Tests;

/// <summary>With Api:Key set, every endpoint but health wants the key the way Azure Functions wants a function key.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private const string Key = "local-test-key-0123456789";
    private readonly ServerAppFactory _factory = new ServerAppFactory().WithSetting("Api:Key", Key);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/entities")]
    [InlineData("/api/dashboard")]
    public async Task Get_WithoutKey_Returns401Problem(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("x-functions-key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WrongKey_Returns401()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key + "x");

        using var response = await client.GetAsync("/api/articles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_KeyInHeader_Returns200()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        using var response = await client.GetAsync("/api/articles?top=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_KeyAsCodeParameter_Returns200AndIsNotAnUnknownParameter()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync($"/api/articles?top=5&code={Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_HealthWithoutKey_Returns200()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_KeyTooShort_FailsNamingTheSetting()
    {
        var error = await StartupValidation.FailureAsync(b => b.AddApiKey(), ("Api:Key", "short"));

        Assert.Contains("Api:Key", error.Message, StringComparison.Ordinal);
    }
}

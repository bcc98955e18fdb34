using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class QueryApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PipelineAppFactory _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new PipelineAppFactory(azurite, StorageNames.Unique());
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/articles?top=0", "top")]
    [InlineData("/api/articles?top=501", "top")]
    [InlineData("/api/articles?top=ten", "top")]
    [InlineData("/api/articles?sentiment=happy", "sentiment")]
    [InlineData("/api/articles?status=done", "status")]
    [InlineData("/api/articles?from=yesterday", "from")]
    [InlineData("/api/articles?from=2024-02-01&to=2024-01-01", "to")]
    [InlineData("/api/articles?language=english", "language")]
    [InlineData("/api/articles?sentimnet=negative", "sentimnet")]
    [InlineData("/api/articles?continuationToken=not-a-token", "continuationToken")]
    [InlineData("/api/articles/NOT-AN-ID", "id")]
    [InlineData("/api/entities?top=0", "top")]
    [InlineData("/api/entities?to=someday", "to")]
    [InlineData("/api/entities?entity=x", "entity")]
    [InlineData("/api/entities/person-nobody/articles?source=x", "source")]
    public async Task Get_BadParameter_Returns400ProblemNamingIt(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task GetArticle_UnknownId_Returns404Problem()
    {
        using var response = await _client.GetAsync("/api/articles/0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetEntity_Unknown_Returns404()
    {
        using var response = await _client.GetAsync("/api/entities/person-nobody-at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_AfterStart_ReportsReadyWithWatcher()
    {
        var health = await _client.GetJsonAsync("/api/health");

        Assert.Equal("ready", health["status"]!.GetValue<string>());
        Assert.Equal("Local", health["analyzer"]!.GetValue<string>());
        Assert.NotNull(health["watcher"]);
    }

    [Fact]
    public async Task Dashboard_Get_ServesHtmlThatCallsTheApi()
    {
        using var response = await _client.GetAsync("/api/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/entities", html, StringComparison.Ordinal);
        Assert.Contains("/api/articles", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_Get_AnswersForTheHostReadinessProbe()
    {
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/dashboard", response.Headers.Location?.OriginalString);
    }
}

using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Server.Tests;

/// <summary>The standalone server serves the query API and nothing that ingests or deletes articles.</summary>
public sealed class LocalServerSurfaceTests : IDisposable
{
    private readonly ServerAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/ProcessArticle")]
    [InlineData("/DeleteArticle")]
    [InlineData("/RecordPoisonedArticle")]
    public async Task Post_FormerIngestionRoute_Returns404AndStoresNothing(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(path, new StringContent("""{"Data":{"article":"aGVsbG8="},"Metadata":{"name":"\"a.txt\""}}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_factory.Repository.Saved);
        Assert.Empty(_factory.Repository.Deleted);
    }

    [Fact]
    public async Task Get_Health_ReadyWithoutWatcher()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"ready\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Urls_Default_LoopbackOnly()
    {
        var urls = _factory.Services.GetRequiredService<IConfiguration>()["Urls"];

        Assert.NotNull(urls);
        Assert.All(urls.Split(';'), url => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(url).Host)), url + " is not a loopback address"));
    }
}

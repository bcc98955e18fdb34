using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>
/// The same article uploaded under two names, end to end: both are stored and readable, the later one says which it
/// repeats, every count and view counts the story once, and deleting the counted copy hands the count to the other.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DuplicateStoryApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string First = "porttribune.example/2026/03/02/harbor.txt";
    private const string Copy = "mirror.example/2026/03/05/harbor-copy.txt";
    private PipelineAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new PipelineAppFactory(azurite, StorageNames.Unique());
        _client = _app.CreateClient();
        await _app.UploadAsync(First, TestArticles.Harbor());
        await _client.WaitForArticleAsync(_app.Names.Articles, First);
        // Re-saved by another scraper: different line breaks and spacing, same words.
        await _app.UploadAsync(Copy, TestArticles.Harbor().Replace("\n\n", "\r\n\r\n  ", StringComparison.Ordinal));
        await _client.WaitForArticleAsync(_app.Names.Articles, Copy);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Upload_SameTextUnderTwoNames_BothListedStoryCountedOnce()
    {
        var first = await _client.WaitForArticleAsync(_app.Names.Articles, First);
        var copy = await _client.WaitForArticleAsync(_app.Names.Articles, Copy);

        Assert.Null(first["duplicateOf"]);
        Assert.Equal(first["id"]!.GetValue<string>(), copy["duplicateOf"]!.GetValue<string>());
        Assert.Equal(first["contentHash"]!.GetValue<string>(), copy["contentHash"]!.GetValue<string>());
        var listed = (await _client.GetJsonAsync("/api/articles")) ["items"]!.AsArray();
        Assert.Equal(2, listed.Count);
        Assert.Single(listed, a => a!["duplicateOf"] is not null);

        var status = await _client.GetJsonAsync("/api/status");
        Assert.Equal((2, 1), (status["processed"]!.GetValue<int>(), status["duplicates"]!.GetValue<int>()));
        Assert.Equal(1, Mayor(await _client.GetJsonAsync("/api/entities"))["articleCount"]!.GetValue<int>());
        var sources = (await _client.GetJsonAsync("/api/entities/Maria%20Delgado/sources"))["sources"]!.AsArray();
        Assert.Equal(["porttribune.example"], sources.Select(s => s!["source"]!.GetValue<string>()));
        var volume = await _client.GetJsonAsync("/api/timeline?bucket=month");
        Assert.Equal(1, volume["series"]![0]!["points"]!.AsArray().Sum(p => p!["articles"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Delete_CountedCopy_OtherCopyCountsUnderItsOwnOutlet()
    {
        await _app.Articles.GetBlobClient(First).DeleteAsync();
        await _client.WaitUntilGoneAsync(_app.Names.Articles, First);

        var copy = await _client.WaitForArticleAsync(_app.Names.Articles, Copy, until: a => a["duplicateOf"] is null);
        Assert.Null(copy["duplicateOf"]);
        Assert.Equal(1, Mayor(await _client.GetJsonAsync("/api/entities"))["articleCount"]!.GetValue<int>());
        var sources = (await _client.GetJsonAsync("/api/entities/Maria%20Delgado/sources"))["sources"]!.AsArray();
        Assert.Equal(["mirror.example"], sources.Select(s => s!["source"]!.GetValue<string>()));
        Assert.Equal(0, (await _client.GetJsonAsync("/api/status"))["duplicates"]!.GetValue<int>());
    }

    private static JsonNode Mayor(JsonNode leaderboard) =>
        (leaderboard["items"] ?? leaderboard).AsArray().Single(e => e!["name"]!.GetValue<string>() == "Maria Delgado")!;
}

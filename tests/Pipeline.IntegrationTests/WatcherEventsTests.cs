using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage.Blobs;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>Uploads announced on the events queue are processed without waiting for a listing of the container.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WatcherEventsTests(AzuriteFixture azurite)
{
    // Listing only at start-up: anything found later came through the events queue.
    private static readonly Dictionary<string, string?> ListOnlyAtStart = new()
    {
        ["Watcher:PollInterval"] = "00:10:00",
        ["Watcher:MaxPollInterval"] = "00:10:00",
        ["Watcher:EventsPollInterval"] = "00:00:00.050",
    };

    [Fact]
    public async Task Upload_AnnouncedAfterTheListing_IsProcessedAndItsDeletionRemovesIt()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique(), ListOnlyAtStart);
        var client = app.CreateClient();
        await WaitForInitialListingAsync(client);
        var events = app.Services.GetRequiredService<ArticleEvents>();

        await app.UploadAsync("announced/harbor.txt", TestArticles.Harbor());
        await events.NotifyCreatedAsync("announced/harbor.txt", CancellationToken.None);
        var article = await client.WaitForArticleAsync(app.Names.Articles, "announced/harbor.txt");

        Assert.Equal("processed", article["status"]!.GetValue<string>());
        var health = await client.GetJsonAsync("/api/health");
        Assert.Equal(1, health["watcher"]!["events"]!.GetValue<long>());
        Assert.Equal(600, health["watcher"]!["nextListingSeconds"]!.GetValue<double>());

        await app.Articles.DeleteBlobAsync("announced/harbor.txt");
        await events.NotifyDeletedAsync("announced/harbor.txt", CancellationToken.None);
        await client.WaitUntilGoneAsync(app.Names.Articles, "announced/harbor.txt");
        Assert.Empty((await client.GetJsonAsync("/api/entities"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Upload_AnnouncedTwice_IsProcessedOnce()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique(), ListOnlyAtStart);
        var client = app.CreateClient();
        await WaitForInitialListingAsync(client);
        var events = app.Services.GetRequiredService<ArticleEvents>();

        await app.UploadAsync("twice.txt", TestArticles.Scandal());
        await events.NotifyCreatedAsync("twice.txt", CancellationToken.None);
        await events.NotifyCreatedAsync("twice.txt", CancellationToken.None);
        await client.WaitForArticleAsync(app.Names.Articles, "twice.txt");
        // The article is queryable a moment before the watcher counts it: wait until both events are read, nothing is
        // queued and the first is counted; a second processing would then show as 2.
        await WaitForAsync(async () =>
        {
            var w = (await client.GetJsonAsync("/api/health"))["watcher"]!;
            return w["events"]!.GetValue<long>() == 2 && w["pending"]!.GetValue<int>() == 0 && w["processed"]!.GetValue<long>() >= 1;
        });

        var watcher = (await client.GetJsonAsync("/api/health"))["watcher"]!;
        Assert.Equal(1, watcher["processed"]!.GetValue<long>());
    }

    private static Task WaitForInitialListingAsync(HttpClient client) =>
        WaitForAsync(async () => (await client.GetJsonAsync("/api/health"))["watcher"]?["initialSweepDone"]?.GetValue<bool>() == true);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(50);
        }
    }
}

using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>A bulk load larger than the watcher's queue: the listing waits for room, and nothing is left out.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WatcherBulkLoadTests(AzuriteFixture azurite)
{
    private const int Blobs = 24;
    private const int MaxQueued = 2;
    private const int Workers = 1;

    [Fact]
    public async Task Start_MoreBlobsThanTheQueueHolds_AllProcessedWithTheQueueBoundedAndListingOnSchedule()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique(), new Dictionary<string, string?>
        {
            ["Watcher:MaxQueued"] = MaxQueued.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Watcher:Concurrency"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Watcher:MaxPollInterval"] = "00:00:05",
        });
        for (var i = 0; i < Blobs; i++)
        {
            await app.UploadAsync($"bulk/{i:D2}.txt", TestArticles.Edition(TestArticles.Harbor(), i));
        }

        var client = app.CreateClient();
        var mostPending = 0;
        long processed;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            var watcher = (await client.GetJsonAsync("/api/health"))["watcher"]!;
            mostPending = Math.Max(mostPending, watcher["pending"]!.GetValue<int>());
            processed = watcher["processed"]!.GetValue<long>();
            Assert.True(DateTime.UtcNow < deadline, $"{processed} of {Blobs} processed within 60 s");
            await Task.Delay(10);
        }
        while (processed < Blobs);

        // Queued, plus the one each worker is processing, plus the one the waiting listing holds.
        Assert.InRange(mostPending, 1, MaxQueued + Workers + 1);
        var listed = await client.GetJsonAsync("/api/articles?top=100");
        Assert.Equal(Blobs, listed["items"]!.AsArray().Count);

        // The listing that waited for room while the load was processed is not taken for a costly one: the next
        // comes within Watcher:MaxPollInterval, not 20 times the whole load's processing time.
        var next = (await client.GetJsonAsync("/api/health"))["watcher"]!["nextListingSeconds"]!.GetValue<double>();
        Assert.InRange(next, 0, 5);
    }
}

using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;
using Pipeline.Testing;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArticleWriteTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task SaveAsync_AnalysisBlob_IsCamelCaseJsonWithStringEnums()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var record = new ArticleRecordBuilder().WithEntity("Bernie Sanders").Build();

        await h.Store.SaveAsync(record, Ct);
        var content = await h.Tables.AnalysisContainer.GetBlobClient(record.Id + ".json").DownloadContentAsync();
        var json = content.Value.Content.ToString();

        Assert.Contains("\"status\":\"processed\"", json);
        Assert.Contains("\"analysis\":{", json);
        Assert.Contains("\"label\":\"positive\"", json);
    }

    [Fact]
    public async Task SaveAsync_SameRecordTwice_LeavesExactlyOneSetOfRows()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var record = new ArticleRecordBuilder().WithEntity("Bernie Sanders").WithEntity("Ohio", "Location").Build();

        await h.Store.SaveAsync(record, Ct);
        var once = await h.AllRowsAsync();
        await h.Store.SaveAsync(record, Ct);
        var twice = await h.AllRowsAsync();

        Assert.Equal(once, twice);
        // Articles + time + source + 2 entity index rows + "all" (2 aggregates + the state's and the outlet's corpus
        // totals + receipt) + month (2 month and 2 day aggregates + the outlet's month and day totals + receipt) + 2 names
        // + month registry + the story row + the last-processed marker.
        Assert.Equal(1 + 1 + 1 + 2 + 5 + 7 + 2 + 1 + 1 + 1, twice.Count);
        var entity = await h.Store.GetEntityAsync("person-bernie-sanders", Ct);
        Assert.Equal(1, entity!.ArticleCount);
        Assert.Equal(1, await h.AnalysisBlobCountAsync());
    }

    [Fact]
    public async Task SaveAsync_NewVersion_ReplacesStaleIndexAndStatsRows()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var fresh = await StorageHarness.CreateAsync(azurite);
        var v1 = new ArticleRecordBuilder().WithBlobName("politics/story.html")
            .WithTimestamp(new DateTimeOffset(2026, 10, 3, 8, 0, 0, TimeSpan.Zero))
            .WithSource("Old Source")
            .WithEntity("Alice Adams").WithEntity("Bob Brown")
            .Build();
        var v2 = new ArticleRecordBuilder().WithBlobName("politics/story.html")
            .WithVersion("0x8DNEWVERSION", v1.Blob.LastModified.AddHours(1))
            .WithTimestamp(new DateTimeOffset(2026, 11, 5, 8, 0, 0, TimeSpan.Zero))
            .WithSource("New Source")
            .WithEntity("Bob Brown", mentions: 4).WithEntity("Carol Clark")
            .Build();

        await h.Store.SaveAsync(v1, Ct);
        await h.Store.SaveAsync(v2, Ct);
        await fresh.Store.SaveAsync(v2, Ct);

        // Exactly the rows a store that only ever saw v2 has.
        Assert.Equal(await fresh.LiveRowsAsync(), await h.LiveRowsAsync());
        Assert.Null(await h.Store.GetEntityAsync("person-alice-adams", Ct));
        Assert.Empty((await h.Store.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams" }, Ct)).Items);
        Assert.Empty((await h.Store.ListArticlesAsync(new ArticleQuery { Source = "old source" }, Ct)).Items);
        var bob = await h.Store.GetEntityAsync("person-bob-brown", Ct);
        Assert.Equal((1, 4), (bob!.ArticleCount, bob.MentionCount));
        var all = await h.Store.ListArticlesAsync(new ArticleQuery(), Ct);
        Assert.Equal(v2.Timestamp, Assert.Single(all.Items).Timestamp);
        Assert.Equal("0x8DNEWVERSION", (await h.Store.GetArticleAsync(v1.Id, Ct))!.Blob.ETag);
    }

    [Fact]
    public async Task SaveAsync_TwoVersionsOfOneArticleConcurrently_NewerWinsWithOneSetOfRows()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var fresh = await StorageHarness.CreateAsync(azurite);
        for (var i = 0; i < 4; i++)
        {
            var name = $"race-{i}.txt";
            var v1 = new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x1", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))
                .WithTimestamp(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)).WithEntity("Alice Adams").WithEntity("Dan Dale").Build();
            var v2 = new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x2", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero))
                .WithEntity("Bob Brown", mentions: 2).WithEntity("Dan Dale", mentions: 3).Build();

            await Task.WhenAll(Task.Run(() => h.Store.SaveAsync(v1, Ct)), Task.Run(() => h.Store.SaveAsync(v2, Ct)));
            await fresh.Store.SaveAsync(v2, Ct);

            Assert.Equal("0x2", (await h.Store.GetStoredVersionAsync(v2.Id, Ct))!.ETag);
        }

        Assert.Equal(await fresh.LiveRowsAsync(), await h.LiveRowsAsync());
        Assert.Null(await h.Store.GetEntityAsync("person-alice-adams", Ct));
        var dan = await h.Store.GetEntityAsync("person-dan-dale", Ct);
        Assert.Equal((4, 12), (dan!.ArticleCount, dan.MentionCount));
    }

    [Fact]
    public async Task DeleteAsync_SavedArticle_RemovesRowsBlobAndTotals()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var record = new ArticleRecordBuilder().WithBlobName("del/ete#me?.txt").WithSource("a/b#c?d").WithEntity("Alice Adams").Build();
        await h.Store.SaveAsync(record, Ct);

        await h.Store.DeleteAsync(record.Id, Ct);

        Assert.Null(await h.Store.GetArticleAsync(record.Id, Ct));
        Assert.Null(await h.Store.GetStoredVersionAsync(record.Id, Ct));
        Assert.Equal(0, await h.AnalysisBlobCountAsync());
        foreach (var table in new[] { h.Tables.Articles, h.Tables.BySource })
        {
            Assert.Empty(await h.RowsAsync(table));
        }

        Assert.All(await h.RowsAsync(h.Tables.ByTime), r => Assert.Equal("months", r.PartitionKey));
        // No receipt is left, and every aggregate is back to zero (kept for its ETag); the name index and the
        // last-processed marker stay.
        var stats = await h.RowsAsync(h.Tables.EntityStats);
        Assert.All(
            stats.Where(r => !r.RowKey.StartsWith("n|", StringComparison.Ordinal) && !r.RowKey.StartsWith("z|last|", StringComparison.Ordinal)),
            r => Assert.Equal(0L, r.GetInt64("Articles")));
        Assert.Equal(new CorpusCounts(0, 0, 0, 0, 0, null), await h.Store.ReadCountsAsync(Ct));
        Assert.Empty(await h.Store.ReadSourcesAsync(new CoverageScope(), Ct));
        Assert.Null(await h.Store.GetEntityAsync("person-alice-adams", Ct));
        Assert.Empty(await h.Store.ListEntitiesAsync(new EntityQuery(), Ct));
        Assert.Empty((await h.Store.ListArticlesAsync(new ArticleQuery(), Ct)).Items);
    }

    [Fact]
    public async Task DeleteAsync_MissingArticle_IsNoOp()
    {
        var h = await StorageHarness.CreateAsync(azurite);

        await h.Store.DeleteAsync("0123456789abcdef", Ct);

        Assert.Empty(await h.AllRowsAsync());
    }

    [Fact]
    public async Task SaveAsync_AfterCrashAtAnyRequest_NextSaveLeavesExactlyItsRowsAndTotals()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var fresh = await StorageHarness.CreateAsync(azurite);
        var stored = new List<ArticleRecord>();
        var later = new ShiftedClock(TimeSpan.FromSeconds(h.Options.ArticleLockSeconds + 60));
        // One article per crash point: v1 saved, a worker dies after n requests of saving v2 (another month, source
        // and entities), and a worker arriving after its lock expired saves v3. Ends once v2's save goes through.
        for (var n = 0; ; n++)
        {
            var name = $"crash/{n}.txt";
            var v1 = new ArticleRecordBuilder().WithBlobName(name).WithTimestamp(new DateTimeOffset(2026, 10, 3, 8, 0, 0, TimeSpan.Zero))
                .WithEntity("Alice Adams").WithEntity("Bob Brown").Build();
            var v2 = new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x2", v1.Blob.LastModified.AddMinutes(1))
                .WithTimestamp(new DateTimeOffset(2026, 8, 8, 0, 0, 0, TimeSpan.Zero)).WithSource("Crash News")
                .WithEntity("Bob Brown", mentions: 4).WithEntity("Carol Clark").Build();
            var v3 = new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x3", v1.Blob.LastModified.AddMinutes(2))
                .WithTimestamp(new DateTimeOffset(2026, 10, 4, 8, 0, 0, TimeSpan.Zero)).WithEntity("Carol Clark", mentions: 2).WithEntity("Dan Dale").Build();
            await h.Store.SaveAsync(v1, Ct);

            var crash = await Record.ExceptionAsync(() => h.Worker(new CrashAfter(n)).SaveAsync(v2, Ct));
            await h.Worker(clock: later).SaveAsync(v3, Ct);
            await fresh.Store.SaveAsync(v3, Ct);
            stored.Add(v3);
            if (crash is null)
            {
                break;
            }

            Assert.IsType<CrashedException>(crash);
        }

        // Exactly the rows and totals of a store that only ever saw each v3.
        Assert.Equal(await fresh.LiveRowsAsync(), await h.LiveRowsAsync());
        var windows = new (DateTimeOffset?, DateTimeOffset?)[] { (null, null), (new DateTimeOffset(2026, 10, 4, 0, 0, 0, TimeSpan.Zero), null) };
        Assert.Empty(await EntityRecount.DifferencesAsync(h.Store, windows, Ct));
        Assert.Null(await h.Store.GetEntityAsync("person-alice-adams", Ct));
        Assert.Empty((await h.Store.ListArticlesAsync(new ArticleQuery { Source = "Crash News" }, Ct)).Items);
        Assert.True(stored.Count > 10, $"only {stored.Count} crash points");
    }
}

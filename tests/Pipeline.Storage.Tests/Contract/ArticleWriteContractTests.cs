using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>
/// Write semantics every results store must have, seen through the read side only: the full record round-trips,
/// saving twice changes nothing, a newer version replaces everything an older one left, an older one never
/// replaces a newer one, deletes remove the article from every listing and total.
/// </summary>
public abstract class ArticleWriteContractTests
{
    // Scores are re-normalized when read back (they must sum to 1), which can move the last bit of a double.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new RoundedDoubleConverter() } };
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A new, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task GetArticleAsync_AfterSave_ReturnsFullRecordWithAnalysis()
    {
        var store = await CreateStoreAsync();
        var record = new ArticleRecordBuilder()
            .WithEntity("Bernie Sanders", mentions: 3, polarity: 0.4)
            .WithEntity("Ohio", "Location", mentions: 2, polarity: null)
            .WithBody("Body with unicode: café, 東京, emoji 🎉.")
            .Build();

        await store.SaveAsync(record, Ct);
        var loaded = await store.GetArticleAsync(record.Id, Ct);

        Assert.NotNull(loaded);
        Assert.Equal(JsonSerializer.Serialize(record, Json), JsonSerializer.Serialize(loaded, Json));
        Assert.Equal(record.Blob, await store.GetStoredVersionAsync(record.Id, Ct));
        var listed = Assert.Single((await store.ListArticlesAsync(new ArticleQuery(), Ct)).Items);
        Assert.Equal(JsonSerializer.Serialize(ArticleSummary.From(record), Json), JsonSerializer.Serialize(listed, Json));
    }

    [Fact]
    public async Task GetArticleAsync_UnknownOrMalformedId_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetArticleAsync("0123456789abcdef", Ct));
        Assert.Null(await store.GetArticleAsync("../etc/passwd", Ct));
        Assert.Null(await store.GetStoredVersionAsync("0123456789abcdef", Ct));
    }

    [Fact]
    public async Task SaveAsync_SameRecordTwice_CountsOnce()
    {
        var store = await CreateStoreAsync();
        var record = new ArticleRecordBuilder().WithEntity("Bernie Sanders", mentions: 2).WithEntity("Ohio", "Location").Build();

        await store.SaveAsync(record, Ct);
        await store.SaveAsync(record, Ct);

        Assert.Single((await store.ListArticlesAsync(new ArticleQuery(), Ct)).Items);
        Assert.Single((await store.ListArticlesAsync(new ArticleQuery { EntityId = "person-bernie-sanders" }, Ct)).Items);
        var entity = await store.GetEntityAsync("person-bernie-sanders", Ct);
        Assert.Equal((1, 2), (entity!.ArticleCount, entity.MentionCount));
        var window = await store.ListEntitiesAsync(new EntityQuery { From = record.Timestamp.AddDays(-1) }, Ct);
        Assert.Equal([1, 1], window.Select(e => e.ArticleCount));
    }

    [Fact]
    public async Task SaveAsync_NewVersion_ReplacesEverythingTheOldVersionLeft()
    {
        var store = await CreateStoreAsync();
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

        await store.SaveAsync(v1, Ct);
        await store.SaveAsync(v2, Ct);

        Assert.Null(await store.GetEntityAsync("person-alice-adams", Ct));
        Assert.Empty((await store.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams" }, Ct)).Items);
        Assert.Empty((await store.ListArticlesAsync(new ArticleQuery { Source = "old source" }, Ct)).Items);
        Assert.Empty(await store.ListEntitiesAsync(new EntityQuery { To = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) }, Ct));
        var bob = await store.GetEntityAsync("person-bob-brown", Ct);
        Assert.Equal((1, 4), (bob!.ArticleCount, bob.MentionCount));
        Assert.Equal(v2.Timestamp, Assert.Single((await store.ListArticlesAsync(new ArticleQuery(), Ct)).Items).Timestamp);
        Assert.Equal("0x8DNEWVERSION", (await store.GetArticleAsync(v1.Id, Ct))!.Blob.ETag);
    }

    [Fact]
    public async Task SaveAsync_OlderVersionAfterNewer_IsIgnored()
    {
        var store = await CreateStoreAsync();
        var newer = new ArticleRecordBuilder().WithBlobName("a.txt").WithVersion("0x2", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero))
            .WithEntity("Carol Clark").Build();
        var older = new ArticleRecordBuilder().WithBlobName("a.txt").WithVersion("0x1", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))
            .WithEntity("Alice Adams").Build();

        await store.SaveAsync(newer, Ct);
        await store.SaveAsync(older, Ct);

        Assert.Equal("0x2", (await store.GetStoredVersionAsync(newer.Id, Ct))!.ETag);
        Assert.Null(await store.GetEntityAsync("person-alice-adams", Ct));
        Assert.NotNull(await store.GetEntityAsync("person-carol-clark", Ct));
    }

    [Fact]
    public async Task SaveAsync_TwoVersionsOfOneArticleConcurrently_NewerWins()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 4; i++)
        {
            var name = $"race-{i}.txt";
            var v1 = new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x1", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))
                .WithTimestamp(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)).WithEntity("Alice Adams").WithEntity("Dan Dale").Build();
            var v2 = new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x2", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero))
                .WithEntity("Bob Brown", mentions: 2).WithEntity("Dan Dale", mentions: 3).Build();

            await Task.WhenAll(Task.Run(() => store.SaveAsync(v1, Ct)), Task.Run(() => store.SaveAsync(v2, Ct)));

            Assert.Equal("0x2", (await store.GetStoredVersionAsync(v2.Id, Ct))!.ETag);
        }

        Assert.Null(await store.GetEntityAsync("person-alice-adams", Ct));
        var dan = await store.GetEntityAsync("person-dan-dale", Ct);
        Assert.Equal((4, 12), (dan!.ArticleCount, dan.MentionCount));
        Assert.Equal(4, (await store.ListArticlesAsync(new ArticleQuery(), Ct)).Items.Count);
    }

    [Fact]
    public async Task DeleteAsync_SavedArticle_RemovesItFromEveryListingAndTotal()
    {
        var store = await CreateStoreAsync();
        var record = new ArticleRecordBuilder().WithBlobName("del/ete#me?.txt").WithSource("a/b#c?d").WithEntity("Alice Adams").Build();
        var other = new ArticleRecordBuilder().WithEntity("Bob Brown").Build();
        await store.SaveAsync(record, Ct);
        await store.SaveAsync(other, Ct);

        await store.DeleteAsync(record.Id, Ct);

        Assert.Null(await store.GetArticleAsync(record.Id, Ct));
        Assert.Null(await store.GetStoredVersionAsync(record.Id, Ct));
        Assert.Null(await store.GetEntityAsync("person-alice-adams", Ct));
        Assert.Empty(await store.FindEntitiesByNameAsync("Alice Adams", Ct));
        Assert.Empty((await store.ListArticlesAsync(new ArticleQuery { Source = "a/b#c?d" }, Ct)).Items);
        Assert.Equal([other.Id], (await store.ListArticlesAsync(new ArticleQuery(), Ct)).Items.Select(i => i.Id));
        Assert.Equal(["person-bob-brown"], (await store.ListEntitiesAsync(new EntityQuery { From = record.Timestamp.AddDays(-1) }, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task DeleteAsync_MissingOrMalformedId_IsNoOp()
    {
        var store = await CreateStoreAsync();
        var kept = new ArticleRecordBuilder().WithEntity("Alice Adams").Build();
        await store.SaveAsync(kept, Ct);

        await store.DeleteAsync("0123456789abcdef", Ct);
        await store.DeleteAsync("../etc/passwd", Ct);

        Assert.NotNull(await store.GetArticleAsync(kept.Id, Ct));
        Assert.Equal(1, (await store.GetEntityAsync("person-alice-adams", Ct))!.ArticleCount);
    }

    [Fact]
    public async Task ListArticlesAsync_FailedRecord_ListedByStatusWithReason()
    {
        var store = await CreateStoreAsync();
        var failed = new ArticleRecordBuilder().Failed("Article is empty.").Build();
        var ok = new ArticleRecordBuilder().WithEntity("Alice Adams").Build();
        await store.SaveAsync(failed, Ct);
        await store.SaveAsync(ok, Ct);

        var page = await store.ListArticlesAsync(new ArticleQuery { Status = ArticleStatus.Failed }, Ct);

        var item = Assert.Single(page.Items);
        Assert.Equal(failed.Id, item.Id);
        Assert.Equal("Article is empty.", item.FailureReason);
        Assert.Null(item.Sentiment);
        var loaded = await store.GetArticleAsync(failed.Id, Ct);
        Assert.Equal(ArticleStatus.Failed, loaded!.Status);
        Assert.Null(loaded.Analysis);
    }

    [Fact]
    public async Task ListArticlesAsync_AnalyzedAndFailedArticles_CarryTheAnalyzerVersionOrNull()
    {
        var store = await CreateStoreAsync();
        var analyzed = new ArticleRecordBuilder().Build();
        var failed = new ArticleRecordBuilder().Failed("Not an article.").Build();
        await store.SaveAsync(analyzed, Ct);
        await store.SaveAsync(failed, Ct);

        var page = await store.ListArticlesAsync(new ArticleQuery(), Ct);

        Assert.Equal("test/1.0", page.Items.Single(a => a.Id == analyzed.Id).AnalyzerVersion);
        Assert.Null(page.Items.Single(a => a.Id == failed.Id).AnalyzerVersion);
    }

    [Fact]
    public async Task FindEntitiesByNameAsync_AnyCasing_FindsEveryCategoryMostArticlesFirst()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(new ArticleRecordBuilder().WithEntity("Jordan", "Location").Build(), Ct);
        await store.SaveAsync(new ArticleRecordBuilder().WithEntity("Jordan").Build(), Ct);
        await store.SaveAsync(new ArticleRecordBuilder().WithEntity("Jordan").WithEntity("Other Name").Build(), Ct);

        var found = await store.FindEntitiesByNameAsync("JORDAN", Ct);

        Assert.Equal([("person-jordan", 2), ("location-jordan", 1)], found.Select(e => (e.Id, e.ArticleCount)));
    }
}

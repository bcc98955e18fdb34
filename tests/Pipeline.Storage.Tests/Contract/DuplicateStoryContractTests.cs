using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>
/// One story under several blob names, on a real store: every copy stays stored and listed, the first upload counts,
/// the others name it in <c>duplicateOf</c>, and every total and coverage view equals a recount that counts the story
/// once, after arrivals in any order, updates and deletes. Writes go through <see cref="DuplicateStories"/> as the
/// processor's do.
/// </summary>
public abstract class DuplicateStoryContractTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Upload = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Alice = Core.Analysis.EntityId.For("Person", "Alice Adams");

    /// <summary>A new, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private static ArticleRecord Copy(string name, int minutesAfter, string source, string body = "Alice Adams won the vote on Tuesday.") =>
        new ArticleRecordBuilder().WithBlobName(name).WithVersion("0x" + name.GetHashCode(StringComparison.Ordinal).ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + minutesAfter, Upload.AddMinutes(minutesAfter))
            .WithSource(source).WithBody(body).WithTimestamp(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero))
            .WithEntity("Alice Adams", mentions: 2, polarity: 0.4).Build();

    private static async Task SaveAsync(StoreUnderTest store, ArticleRecord record)
    {
        var duplicates = new DuplicateStories(store.Stories, store, NullLogger<DuplicateStories>.Instance);
        var replacing = await store.GetStoredVersionAsync(record.Id, Ct) is not null;
        var prepared = await duplicates.PrepareAsync(record, replacing, Ct);
        await store.SaveAsync(prepared, Ct);
        await duplicates.ConfirmAsync(prepared, Ct);
    }

    private static async Task DeleteAsync(StoreUnderTest store, string id)
    {
        await new DuplicateStories(store.Stories, store, NullLogger<DuplicateStories>.Instance).LeaveAsync(id, Ct);
        await store.DeleteAsync(id, Ct);
    }

    private static async Task<string?> DuplicateOfAsync(StoreUnderTest store, ArticleRecord record) =>
        (await store.GetArticleAsync(record.Id, Ct) ?? throw new InvalidOperationException($"{record.Blob.Name} is not stored.")).DuplicateOf;

    /// <summary>Every aggregate the store keeps equals a recount of what is stored (which counts each story once).</summary>
    private static async Task AssertCountedOnceAsync(StoreUnderTest store, params ArticleRecord[] all)
    {
        var stored = new List<ArticleRecord>();
        foreach (var r in all)
        {
            if (await store.GetArticleAsync(r.Id, Ct) is { } current)
            {
                stored.Add(current);
            }
        }

        Assert.Empty(await EntityRecount.DifferencesAsync(store, [(null, null), (Upload.AddDays(-2), Upload)], Ct));
        var whole = new CoverageScope();
        CoverageAssert.SameDaily(CoverageRecount.Daily(stored, whole), await store.Coverage.ReadDailyAsync(whole, Ct), "articles");
        var forAlice = new CoverageScope { EntityId = Alice };
        CoverageAssert.SameDaily(CoverageRecount.Daily(stored, forAlice), await store.Coverage.ReadDailyAsync(forAlice, Ct), "Alice");
        var sources = (await store.Coverage.ReadSourcesAsync(forAlice, Ct)).ToDictionary(s => s.Source?.ToLowerInvariant() ?? "", s => s.Totals.Articles);
        Assert.Equal(CoverageRecount.Sources(stored, forAlice).ToDictionary(s => s.Key, s => s.Value.Articles), sources);
        var counts = await store.Coverage.ReadCountsAsync(Ct);
        Assert.Equal(CoverageRecount.Counts(stored) with { LastProcessedAt = null }, counts with { LastProcessedAt = null });
        var listed = await store.ListArticlesAsync(new ArticleQuery { Top = 50 }, Ct);
        Assert.Equal(stored.Select(r => (r.Id, r.DuplicateOf)).Order(), listed.Items.Select(s => (s.Id, s.DuplicateOf)).Order());
    }

    [Fact]
    public async Task Save_SameTextUnderTwoNames_SecondMarkedAndStoryCountedOnce()
    {
        var store = await CreateStoreAsync();
        var first = Copy("nbcnews.com/a.txt", 0, "nbcnews.com");
        var second = Copy("mirror/a-copy.txt", 5, "cnn.com", body: "ALICE  Adams won the vote, on Tuesday!");

        await SaveAsync(store, first);
        await SaveAsync(store, second);

        Assert.Null(await DuplicateOfAsync(store, first));
        Assert.Equal(first.Id, await DuplicateOfAsync(store, second));
        Assert.Equal(1, (await store.GetEntityAsync(Alice, Ct))?.ArticleCount);
        Assert.Equal(1, (await store.Coverage.ReadCountsAsync(Ct)).Duplicates);
        await AssertCountedOnceAsync(store, first, second);
    }

    [Fact]
    public async Task Save_EarlierUploadStoredLast_TakesOverTheCount()
    {
        var store = await CreateStoreAsync();
        var early = Copy("early.txt", 0, "nbcnews.com");
        var late = Copy("late.txt", 30, "cnn.com");

        await SaveAsync(store, late);
        await SaveAsync(store, early);

        Assert.Null(await DuplicateOfAsync(store, early));
        Assert.Equal(early.Id, await DuplicateOfAsync(store, late));
        var outlets = await store.Coverage.ReadSourcesAsync(new CoverageScope { EntityId = Alice }, Ct);
        Assert.Equal("nbcnews.com", Assert.Single(outlets).Source);
        await AssertCountedOnceAsync(store, early, late);
    }

    [Fact]
    public async Task Delete_CountedCopy_NextUploadCountsThenTheLast()
    {
        var store = await CreateStoreAsync();
        var a = Copy("a.txt", 0, "one.com");
        var b = Copy("b.txt", 10, "two.com");
        var c = Copy("c.txt", 20, "three.com");
        foreach (var r in new[] { c, a, b })
        {
            await SaveAsync(store, r);
        }

        await DeleteAsync(store, a.Id);

        Assert.Null(await DuplicateOfAsync(store, b));
        Assert.Equal(b.Id, await DuplicateOfAsync(store, c));
        await AssertCountedOnceAsync(store, a, b, c);

        await DeleteAsync(store, b.Id);

        Assert.Null(await DuplicateOfAsync(store, c));
        Assert.Equal(1, (await store.GetEntityAsync(Alice, Ct))?.ArticleCount);
        Assert.Equal([c.Id], (await store.Stories.FindStoryAsync(c.ContentHash!, Ct)).Select(m => m.ArticleId));
        await AssertCountedOnceAsync(store, a, b, c);
    }

    [Fact]
    public async Task Delete_Duplicate_CountedCopyUnchanged()
    {
        var store = await CreateStoreAsync();
        var a = Copy("a.txt", 0, "one.com");
        var b = Copy("b.txt", 10, "two.com");
        await SaveAsync(store, a);
        await SaveAsync(store, b);

        await DeleteAsync(store, b.Id);

        Assert.Null(await DuplicateOfAsync(store, a));
        Assert.Equal(1, (await store.GetEntityAsync(Alice, Ct))?.ArticleCount);
        Assert.Equal(0, (await store.Coverage.ReadCountsAsync(Ct)).Duplicates);
        await AssertCountedOnceAsync(store, a, b);
    }

    [Fact]
    public async Task Save_CountedCopyRewritten_DuplicateCountsAndNewTextIsItsOwnStory()
    {
        var store = await CreateStoreAsync();
        var a = Copy("a.txt", 0, "one.com");
        var b = Copy("b.txt", 10, "two.com");
        await SaveAsync(store, a);
        await SaveAsync(store, b);

        var rewritten = Copy("a.txt", 60, "one.com", body: "Alice Adams lost a different vote on Friday.");
        await SaveAsync(store, rewritten);

        Assert.Null(await DuplicateOfAsync(store, rewritten));
        Assert.Null(await DuplicateOfAsync(store, b));
        Assert.Equal(2, (await store.GetEntityAsync(Alice, Ct))?.ArticleCount);
        Assert.Equal([b.Id], (await store.Stories.FindStoryAsync(b.ContentHash!, Ct)).Select(m => m.ArticleId));
        await AssertCountedOnceAsync(store, rewritten, b);
    }

    [Fact]
    public async Task Save_DuplicateFailsOnUpdate_LeavesTheStory()
    {
        var store = await CreateStoreAsync();
        var a = Copy("a.txt", 0, "one.com");
        var b = Copy("b.txt", 10, "two.com");
        await SaveAsync(store, a);
        await SaveAsync(store, b);

        await SaveAsync(store, new ArticleRecordBuilder().WithBlobName("a.txt").WithVersion("0xFAILED", Upload.AddMinutes(90)).Failed("broken upload").Build());

        Assert.Null(await DuplicateOfAsync(store, b));
        Assert.Equal([b.Id], (await store.Stories.FindStoryAsync(b.ContentHash!, Ct)).Select(m => m.ArticleId));
        await AssertCountedOnceAsync(store, a, b);
    }
}

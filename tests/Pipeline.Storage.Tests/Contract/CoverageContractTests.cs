using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>
/// Coverage aggregates every results store must give: per day, per outlet, co-mentions and counts, each equal to a
/// recount of the stored records, undated articles kept out of time windows, and current after updates and deletes.
/// </summary>
public abstract class CoverageContractTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTimeOffset At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static string Id(string name) => Core.Analysis.EntityId.For("Person", name);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private static List<ArticleRecord> Corpus() =>
    [
        new ArticleRecordBuilder().WithTimestamp(At(9, 2, 8)).WithSource("nbcnews.com").WithSentiment(ArticleRecordBuilder.ScoresFor(0.3))
            .WithEntity("Alice Adams", mentions: 3, polarity: 0.6).WithEntity("Bob Brown", mentions: 1, polarity: -0.4).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(9, 2, 20)).WithSource("CNN.com").WithSentiment(ArticleRecordBuilder.ScoresFor(-0.5))
            .WithEntity("Alice Adams", mentions: 1, polarity: -0.2).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(9, 10)).WithSource("nbcnews.com").WithSentiment(null)
            .WithEntity("Alice Adams", mentions: 2, polarity: null).WithEntity("Bob Brown", mentions: 2, polarity: 0.1).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 1, 0)).WithSource(null)
            .WithEntity("Alice Adams", mentions: 1, polarity: 0.8).WithEntity("Carol Chen", mentions: 1, polarity: 0.2).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(9, 5)).Undated().WithSource("nbcnews.com")
            .WithEntity("Alice Adams", mentions: 4, polarity: 0.9).WithEntity("Bob Brown", mentions: 1, polarity: 0.9).Build(),
        new ArticleRecordBuilder().Failed("broken").WithTimestamp(At(9, 3)).Build(),
        new ArticleRecordBuilder().Unscored().WithTimestamp(At(9, 4)).WithSource("cnn.com").Build(),
    ];

    private async Task<(StoreUnderTest Store, List<ArticleRecord> Records)> SeedAsync()
    {
        var store = await CreateStoreAsync();
        var records = Corpus();
        foreach (var r in records)
        {
            await store.SaveAsync(r, Ct);
        }

        return (store, records);
    }

    public static TheoryData<string?, string?, bool, bool> Scopes => new()
    {
        { "Alice Adams", null, false, false },
        { "Alice Adams", null, true, false },
        { "Alice Adams", "NBCNEWS.com", false, false },
        { "Alice Adams", null, false, true },
        { "Bob Brown", null, false, false },
        { null, null, false, false },
        { null, "cnn.com", true, false },
        { null, null, false, true },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task ReadDailyAsync_AnyScope_EqualsRecount(string? entity, string? source, bool includeUndated, bool window)
    {
        var (store, records) = await SeedAsync();
        var scope = new CoverageScope
        {
            EntityId = entity is null ? null : Id(entity),
            Source = source,
            IncludeUndated = includeUndated,
            From = window ? At(9, 2, 12) : null,
            To = window ? At(9, 30) : null,
        };

        var actual = await store.Coverage.ReadDailyAsync(scope, Ct);

        CoverageAssert.SameDaily(CoverageRecount.Daily(records, scope), actual);
        Assert.NotEmpty(actual.Days);
    }

    [Fact]
    public async Task ReadDailyAsync_Entity_UndatedCountedNotPlaced()
    {
        var (store, _) = await SeedAsync();

        var daily = await store.Coverage.ReadDailyAsync(new CoverageScope { EntityId = Id("Alice Adams") }, Ct);

        Assert.Equal(1, daily.Undated);
        Assert.False(daily.Days.ContainsKey(DailyCoverage.DayNumber(At(9, 5).UtcTicks)), "the undated article must not sit on its upload day");
        var sept2 = daily.Days[DailyCoverage.DayNumber(At(9, 2).UtcTicks)];
        Assert.Equal((2L, 4L, 2L), (sept2.Articles, sept2.Mentions, sept2.Scored));
        var tone = sept2.ToTone();
        Assert.Equal(0.2, tone.Mean!.Value, 6);
        Assert.Equal(Math.Sqrt(0.32), tone.StdDev!.Value, 6); // (0.6 - 0.2)² + (-0.2 - 0.2)² over n - 1 = 1
    }

    [Fact]
    public async Task ReadDailyAsync_AfterUpdateAndDelete_IsCurrent()
    {
        var (store, records) = await SeedAsync();
        var moved = new ArticleRecordBuilder().WithBlobName(records[0].Blob.Name)
            .WithVersion("0x8DNEWER", records[0].Blob.LastModified.AddMinutes(5))
            .WithTimestamp(At(9, 20)).WithSource("cnn.com").WithEntity("Alice Adams", mentions: 1, polarity: -0.7).Build();
        await store.SaveAsync(moved, Ct);
        await store.DeleteAsync(records[1].Id, Ct);
        var current = records.Where(r => r.Id != records[0].Id && r.Id != records[1].Id).Append(moved).ToList();

        foreach (var scope in new[] { new CoverageScope { EntityId = Id("Alice Adams") }, new CoverageScope { EntityId = Id("Bob Brown") }, new CoverageScope() })
        {
            CoverageAssert.SameDaily(CoverageRecount.Daily(current, scope), await store.Coverage.ReadDailyAsync(scope, Ct));
        }
    }

    [Theory]
    [InlineData("Alice Adams", false)]
    [InlineData("Alice Adams", true)]
    [InlineData(null, false)]
    [InlineData(null, true)]
    public async Task ReadSourcesAsync_EqualsRecountPerOutlet(string? entity, bool window)
    {
        var (store, records) = await SeedAsync();
        var scope = new CoverageScope { EntityId = entity is null ? null : Id(entity), From = window ? At(9, 1) : null, To = window ? At(12, 1) : null };

        var actual = await store.Coverage.ReadSourcesAsync(scope, Ct);

        var expected = CoverageRecount.Sources(records, scope).ToDictionary(e => e.Key, e => CoverageAssert.Sums(e.Value));
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            actual.ToDictionary(s => s.Source?.ToLowerInvariant() ?? "", s => CoverageAssert.Sums(s.Totals)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Contains(actual, s => s.Source is null); // an article with no known outlet is reported as such
    }

    [Fact]
    public async Task ReadCoMentionsAsync_CountsSharedArticlesAndToneTowardTheOther()
    {
        var (store, _) = await SeedAsync();

        var found = await store.Coverage.ReadCoMentionsAsync(new CoverageScope { EntityId = Id("Alice Adams") }, Ct);

        var bob = Assert.Single(found, c => c.EntityId == Id("Bob Brown"));
        Assert.Equal((3L, 4L, 3L), (bob.Totals.Articles, bob.Totals.Mentions, bob.Totals.Scored)); // undated included: all time
        Assert.Equal((-0.4 + 0.1 + 0.9) / 3, bob.Totals.ToTone().Mean!.Value, 6);
        var carol = Assert.Single(found, c => c.EntityId == Id("Carol Chen"));
        Assert.Equal("Carol Chen", carol.Name);
        Assert.Equal(1, carol.Totals.Articles);
        Assert.DoesNotContain(found, c => c.EntityId == Id("Alice Adams"));

        var windowed = await store.Coverage.ReadCoMentionsAsync(new CoverageScope { EntityId = Id("Alice Adams"), From = At(9, 1), To = At(9, 30) }, Ct);
        Assert.Equal(2, Assert.Single(windowed).Totals.Articles); // Bob, without the undated article and outside October
    }

    [Fact]
    public async Task ReadCountsAsync_CountsEachStateAndUndated()
    {
        var (store, records) = await SeedAsync();

        var counts = await store.Coverage.ReadCountsAsync(Ct);

        Assert.Equal((5L, 1L, 1L, 7L), (counts.Processed, counts.Unscored, counts.Failed, counts.Total));
        Assert.Equal(CoverageRecount.Counts(records), counts);

        await store.DeleteAsync(records[5].Id, Ct);
        Assert.Equal(0, (await store.Coverage.ReadCountsAsync(Ct)).Failed);
    }

    [Fact]
    public async Task ListEntitiesAsync_BySource_CountsThatOutletOnly()
    {
        var (store, _) = await SeedAsync();

        var nbc = await store.ListEntitiesAsync(new EntityQuery { Source = "NBCNews.com" }, Ct);
        var nbcWindow = await store.ListEntitiesAsync(new EntityQuery { Source = "nbcnews.com", From = At(9, 1), To = At(12, 1) }, Ct);

        Assert.Equal([(Id("Alice Adams"), 3), (Id("Bob Brown"), 3)], nbc.Select(e => (e.Id, e.ArticleCount)));
        Assert.Equal([(Id("Alice Adams"), 2), (Id("Bob Brown"), 2)], nbcWindow.Select(e => (e.Id, e.ArticleCount)));
    }

    [Fact]
    public async Task ListEntitiesAsync_Window_LeavesUndatedOut()
    {
        var (store, _) = await SeedAsync();

        var september = await store.ListEntitiesAsync(new EntityQuery { From = At(9, 1, 0), To = At(10, 1, 0) }, Ct);
        var allTime = await store.ListEntitiesAsync(new EntityQuery(), Ct);

        Assert.Equal(3, september.Single(e => e.Id == Id("Alice Adams")).ArticleCount);
        Assert.Equal(5, allTime.Single(e => e.Id == Id("Alice Adams")).ArticleCount);
    }

    [Fact]
    public async Task ListArticlesAsync_ForEntity_GivesMentionsAndToneTowardIt()
    {
        var (store, records) = await SeedAsync();

        var page = await store.ListArticlesAsync(new ArticleQuery { EntityId = Id("Bob Brown") }, Ct);

        Assert.Equal(
            records.Where(r => EntityContribution.From(r).ContainsKey(Id("Bob Brown"))).OrderByDescending(r => r.Timestamp)
                .Select(r => (r.Id, (int?)EntityContribution.From(r)[Id("Bob Brown")].Mentions)),
            page.Items.Select(a => (a.Id, a.EntityMentions)));
        Assert.Equal([0.1, 0.9, -0.4], page.Items.Select(a => Math.Round(a.EntityTone!.Value, 6)));
        Assert.All(page.Items, a => Assert.NotNull(a.DateSource));
        Assert.Contains(page.Items, a => a.DateSource == DateSource.Upload);
    }
}

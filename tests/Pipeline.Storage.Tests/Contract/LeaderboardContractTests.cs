using Pipeline.Core.Articles;
using Pipeline.Core.Queries;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>Entity totals every results store must keep: equal to a recount of the records, windows included, under concurrent writers.</summary>
public abstract class LeaderboardContractTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTimeOffset At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>The leaderboard recomputed naively from the records: the oracle every stored total must equal.</summary>
    private static List<EntitySummary> Expected(IEnumerable<ArticleRecord> records, EntityQuery query)
    {
        var rows = records
            .Where(r => (query.From is null || r.Timestamp >= query.From) && (query.To is null || r.Timestamp < query.To))
            .SelectMany(r => (r.Analysis?.Entities ?? []).GroupBy(e => e.Id).Select(g => (Record: r, Group: g)))
            .Where(x => query.Category is null || x.Group.First().Category.Equals(query.Category, StringComparison.OrdinalIgnoreCase))
            .GroupBy(x => x.Group.Key)
            .Select(g =>
            {
                var polarities = g.Select(x => x.Group.Where(e => e.Sentiment is not null).Select(e => e.Sentiment!.Scores.Polarity).ToList())
                    .Where(p => p.Count > 0).Select(p => p.Average()).ToList();
                var first = g.First().Group.First();
                var name = g.SelectMany(x => x.Group).Select(e => e.Name).Aggregate(Pipeline.Core.Aggregates.EntityNames.Prefer);
                return new EntitySummary(g.Key, name, first.Category, g.Count(), g.Sum(x => x.Group.Sum(e => e.Mentions.Count)),
                    polarities.Count == 0 ? null : polarities.Average());
            })
            .OrderByDescending(s => s.ArticleCount).ThenByDescending(s => s.MentionCount).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(query.Top)
            .ToList();
        return rows;
    }

    private static void AssertSame(IReadOnlyList<EntitySummary> expected, IReadOnlyList<EntitySummary> actual)
    {
        Assert.Equal(expected.Select(e => (e.Id, e.Name, e.Category, e.ArticleCount, e.MentionCount)), actual.Select(e => (e.Id, e.Name, e.Category, e.ArticleCount, e.MentionCount)));
        foreach (var (e, a) in expected.Zip(actual))
        {
            if (e.AverageSentiment is null)
            {
                Assert.Null(a.AverageSentiment);
            }
            else
            {
                Assert.InRange(a.AverageSentiment!.Value, e.AverageSentiment.Value - Tolerance, e.AverageSentiment.Value + Tolerance);
            }
        }
    }

    private static List<ArticleRecord> Corpus() =>
    [
        new ArticleRecordBuilder().WithTimestamp(At(9, 2)).WithEntity("Alice Adams", mentions: 3, polarity: 0.6).WithEntity("Ohio", "Location", 2, null).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(9, 30, 23)).WithEntity("Alice Adams", mentions: 1, polarity: -0.2).WithEntity("Bob Brown", mentions: 5, polarity: -0.9).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 1, 0)).WithEntity("Bob Brown", mentions: 2, polarity: 0.1).WithEntity("Ohio", "Location", 1, null).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 1, 18)).WithEntity("Alice Adams", mentions: 2, polarity: null).WithEntity("ACME Corp", "Organization", 4, 0.3).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 15)).WithEntity("alice adams", mentions: 1, polarity: 0.8).WithEntity("Alice Adams", "Organization", 1, 0.5).Build(),
        new ArticleRecordBuilder().WithTimestamp(At(11, 20)).WithEntity("Bob Brown", mentions: 1, polarity: 0.4).Build(),
        new ArticleRecordBuilder().Failed("broken").WithTimestamp(At(10, 2)).Build(),
    ];

    /// <summary>A new, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private async Task<(StoreUnderTest, List<ArticleRecord>)> SeedAsync()
    {
        var h = await CreateStoreAsync();
        var corpus = Corpus();
        foreach (var r in corpus)
        {
            await h.SaveAsync(r, Ct);
        }

        return (h, corpus);
    }

    [Fact]
    public async Task ListEntitiesAsync_AllTime_CountsArticlesMentionsAndAverageSentiment()
    {
        var (h, corpus) = await SeedAsync();

        var board = await h.ListEntitiesAsync(new EntityQuery(), Ct);

        AssertSame(Expected(corpus, new EntityQuery()), board);
        var alice = board.Single(e => e.Id == "person-alice-adams");
        Assert.Equal((4, 7), (alice.ArticleCount, alice.MentionCount));
        Assert.InRange(alice.AverageSentiment!.Value, ((0.6 - 0.2 + 0.8) / 3) - Tolerance, ((0.6 - 0.2 + 0.8) / 3) + Tolerance);
        Assert.Null(board.Single(e => e.Id == "location-ohio").AverageSentiment);
    }

    [Theory]
    [InlineData("Person")]
    [InlineData("location")]
    [InlineData("ORGANIZATION")]
    public async Task ListEntitiesAsync_Category_FiltersCaseInsensitively(string category)
    {
        var (h, corpus) = await SeedAsync();

        var board = await h.ListEntitiesAsync(new EntityQuery { Category = category }, Ct);

        Assert.NotEmpty(board);
        AssertSame(Expected(corpus, new EntityQuery { Category = category }), board);
    }

    [Fact]
    public async Task ListEntitiesAsync_ExcludedCategories_LeftOutBeforeTop()
    {
        var (h, corpus) = await SeedAsync();
        var all = Expected(corpus, new EntityQuery { Top = EntityQuery.MaxTop });
        var excluded = all[0].Category;

        var board = await h.ListEntitiesAsync(new EntityQuery { ExcludedCategories = [excluded.ToUpperInvariant()], Top = 2 }, Ct);

        Assert.Equal(all.Where(e => e.Category != excluded).Take(2).Select(e => e.Id), board.Select(e => e.Id));
    }

    public static TheoryData<DateTimeOffset?, DateTimeOffset?> Windows => new()
    {
        { At(10, 1, 0), At(11, 1, 0) },        // exactly one month
        { At(9, 30, 0), At(10, 2, 0) },        // whole days across a month boundary
        { At(9, 30, 22), At(10, 1, 12) },      // two partial days
        { At(10, 1, 6), At(10, 1, 20) },       // inside one day
        { At(9, 2, 12), null },                // open end, from inclusive
        { null, At(10, 1, 0) },                // open start, to exclusive
        { At(9, 10, 7), At(11, 20, 12) },      // partial + days + month + days + partial
        { At(12, 1), At(12, 31) },             // empty
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task ListEntitiesAsync_TimeWindow_CountsOnlyArticlesInsideIt(DateTimeOffset? from, DateTimeOffset? to)
    {
        var (h, corpus) = await SeedAsync();
        var query = new EntityQuery { From = from, To = to };

        var board = await h.ListEntitiesAsync(query, Ct);

        AssertSame(Expected(corpus, query), board);
    }

    [Fact]
    public async Task ListEntitiesAsync_Top_LimitsToMostArticlesThenMentions()
    {
        var (h, corpus) = await SeedAsync();

        var board = await h.ListEntitiesAsync(new EntityQuery { Top = 2 }, Ct);

        Assert.Equal(["person-alice-adams", "person-bob-brown"], board.Select(e => e.Id));
        AssertSame(Expected(corpus, new EntityQuery { Top = 2 }), board);
    }

    [Fact]
    public async Task GetEntityAsync_KnownAndUnknown_ReturnsTotalsOrNull()
    {
        var (h, corpus) = await SeedAsync();

        var bob = await h.GetEntityAsync("person-bob-brown", Ct);

        AssertSame(Expected(corpus, new EntityQuery()).Where(e => e.Id == "person-bob-brown").ToList(), [bob!]);
        Assert.Null(await h.GetEntityAsync("person-nobody", Ct));
    }

    [Theory]
    [InlineData("Alice Adams")]
    [InlineData("alice-adams")]
    [InlineData("  ALICE   adams! ")]
    public async Task FindEntitiesByNameAsync_AnySpelling_FindsEveryCategoryMostArticlesFirst(string name)
    {
        var (h, _) = await SeedAsync();

        var found = await h.FindEntitiesByNameAsync(name, Ct);

        Assert.Equal(["person-alice-adams", "organization-alice-adams"], found.Select(e => e.Id));
        Assert.Equal(4, found[0].ArticleCount);
        Assert.Empty(await h.FindEntitiesByNameAsync("Alice", Ct));
        Assert.Empty(await h.FindEntitiesByNameAsync("   ", Ct));
    }

    [Fact]
    public async Task ListEntitiesAsync_AfterReprocessAndDelete_MatchesRemainingRecords()
    {
        var (h, corpus) = await SeedAsync();
        // Reprocess: article 1 now talks about Ohio instead of Bob, a month later, with other sentiment.
        var v2 = new ArticleRecordBuilder().WithBlobName(corpus[1].Blob.Name).WithVersion("0xV2", corpus[1].Blob.LastModified.AddDays(1))
            .WithTimestamp(At(11, 2)).WithEntity("Alice Adams", mentions: 6, polarity: 0.9).WithEntity("Ohio", "Location", 3, null).Build();
        await h.SaveAsync(v2, Ct);
        await h.DeleteAsync(corpus[0].Id, Ct);
        var remaining = corpus.Skip(2).Append(v2).ToList();

        foreach (var query in new[] { new EntityQuery(), new EntityQuery { From = At(11, 1) }, new EntityQuery { To = At(11, 1) }, new EntityQuery { Category = "Location" } })
        {
            AssertSame(Expected(remaining, query), await h.ListEntitiesAsync(query, Ct));
        }
    }

    [Fact]
    public async Task SaveAsync_TwentyArticlesConcurrentlyOnOneEntity_TotalsAreExact()
    {
        var h = await CreateStoreAsync();
        var records = Enumerable.Range(0, 20)
            .Select(i => new ArticleRecordBuilder().WithTimestamp(At(10, 1 + (i % 3), i))
                .WithEntity("Alice Adams", mentions: 1 + (i % 4), polarity: ((i % 9) - 4) / 5.0)
                .WithEntity("Ohio", "Location", 1, null)
                .WithEntity($"Person {i}")
                .Build())
            .ToList();

        await Task.WhenAll(records.Select(r => Task.Run(() => h.SaveAsync(r, Ct))));

        foreach (var query in new[] { new EntityQuery { Top = 100 }, new EntityQuery { From = At(10, 2, 0), To = At(10, 3, 0), Top = 100 }, new EntityQuery { From = At(10, 1, 5), Top = 100 } })
        {
            AssertSame(Expected(records, query), await h.ListEntitiesAsync(query, Ct));
        }

        // Not asserted (scheduling decides), but shows the ETag path was exercised.
        output.WriteLine(h.Diagnostics);
        var alice = await h.GetEntityAsync("person-alice-adams", Ct);
        Assert.Equal((20, records.Sum(r => r.Analysis!.Entities[0].Mentions.Count)), (alice!.ArticleCount, alice.MentionCount));
    }

    [Fact]
    public async Task SaveAndDelete_ConcurrentReprocessingAndDeletes_TotalsMatchFinalRecords()
    {
        var h = await CreateStoreAsync();
        var v1 = Enumerable.Range(0, 12)
            .Select(i => new ArticleRecordBuilder().WithBlobName($"mixed/{i}.txt").WithTimestamp(At(9, 28 + (i % 3)))
                .WithEntity("Alice Adams", mentions: 2, polarity: 0.5).WithEntity("Bob Brown", mentions: 1, polarity: -0.5).Build())
            .ToList();
        foreach (var r in v1)
        {
            await h.SaveAsync(r, Ct);
        }

        var v2 = v1.Take(8)
            .Select((r, i) => new ArticleRecordBuilder().WithBlobName(r.Blob.Name).WithVersion("0xV2", r.Blob.LastModified.AddHours(1))
                .WithTimestamp(At(10, 1 + (i % 2), 3)).WithEntity("Alice Adams", mentions: 5, polarity: -0.25).Build())
            .ToList();
        var deletes = v1.Skip(8).Select(r => r.Id).ToList();

        await Task.WhenAll(
            v2.Select(r => Task.Run(() => h.SaveAsync(r, Ct)))
                .Concat(deletes.Select(id => Task.Run(() => h.DeleteAsync(id, Ct)))));

        foreach (var query in new[] { new EntityQuery(), new EntityQuery { From = At(10, 1, 0) }, new EntityQuery { To = At(10, 1, 0) } })
        {
            AssertSame(Expected(v2, query), await h.ListEntitiesAsync(query, Ct));
        }

        Assert.Null(await h.GetEntityAsync("person-bob-brown", Ct));
        output.WriteLine(h.Diagnostics);
    }
}

using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>
/// Every coverage view over windows that cut months and days at any point (where a store may answer from per-day or
/// per-month sums and only the edges from article rows) equals a recount, after articles were moved across months and
/// outlets, renamed and deleted.
/// </summary>
public abstract class CoverageWindowContractTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] People = ["Alice Adams", "Bob Brown", "Carol Chen", "Dan Diaz"];
    private static readonly string?[] Outlets = ["nbcnews.com", "CNN.com", "cnn.com", null];

    private static DateTimeOffset At(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static string Id(string name) => Core.Analysis.EntityId.For("Person", name);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    // 36 articles from late July to early December at varied hours (some exactly at midnight), over four outlets
    // (two spellings of one), a few undated, unscored or failed; each mentions two or three people.
    private static List<ArticleRecord> Corpus()
    {
        var records = new List<ArticleRecord>();
        for (var i = 0; i < 36; i++)
        {
            var at = At(7, 28).AddHours(i * 101 + (i % 3 == 0 ? 0 : 7 + i % 5)).AddMinutes(i % 4 == 1 ? 30 : 0);
            var builder = new ArticleRecordBuilder().WithBlobName($"window-{i:D2}.txt").WithTimestamp(at).WithSource(Outlets[i % Outlets.Length]);
            for (var k = 0; k < 2 + i % 2; k++)
            {
                var person = People[(i + k * 3) % People.Length];
                builder.WithEntity(i % 7 == 0 && person == "Alice Adams" ? "ALICE ADAMS" : person, mentions: 1 + (i + k) % 3,
                    polarity: (i + k) % 5 == 0 ? null : ((i * 37 + k * 11) % 19 - 9) / 10.0);
            }

            if (i % 9 == 4)
            {
                builder.Undated();
            }

            records.Add(i % 11 == 5 ? builder.Unscored().Build() : i % 13 == 6 ? new ArticleRecordBuilder().WithBlobName($"window-{i:D2}.txt").Failed("broken").WithTimestamp(at).Build() : builder.Build());
        }

        return records;
    }

    public static TheoryData<DateTimeOffset?, DateTimeOffset?> Windows => new()
    {
        { null, null },                           // all time
        { At(9, 1), At(11, 1) },                  // whole months
        { At(8, 30), At(10, 3) },                 // whole days around a whole month
        { At(8, 14, 7, 30), At(11, 20, 13) },     // partial day, days, months, days, partial day
        { At(9, 12, 6), At(9, 12, 20) },          // inside one day
        { At(9, 30, 22), At(10, 1, 2) },          // across one midnight, no whole day
        { At(10, 5, 9), null },                   // open end
        { null, At(9, 17, 15) },                  // open start
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task CoverageViews_AnyWindowAfterMovesAndDeletes_EqualRecount(DateTimeOffset? from, DateTimeOffset? to)
    {
        var store = await CreateStoreAsync();
        var records = Corpus();
        foreach (var r in records)
        {
            await store.SaveAsync(r, Ct);
        }

        // Move one article to another month and outlet with other people, rename another's spelling, delete a third.
        var moved = new ArticleRecordBuilder().WithBlobName(records[3].Blob.Name).WithVersion("0x8DMOVED", records[3].Blob.LastModified.AddMinutes(5))
            .WithTimestamp(At(11, 3, 5)).WithSource("nbcnews.com").WithEntity("Dan Diaz", mentions: 2, polarity: 0.4).WithEntity("Carol Chen", mentions: 1, polarity: -0.6).Build();
        var renamed = new ArticleRecordBuilder().WithBlobName(records[7].Blob.Name).WithVersion("0x8DRENAMED", records[7].Blob.LastModified.AddMinutes(5))
            .WithTimestamp(records[7].Timestamp).WithSource("cnn.com").WithEntity("Bob Brown", mentions: 1, polarity: 0.2).Build();
        await store.SaveAsync(moved, Ct);
        await store.SaveAsync(renamed, Ct);
        await store.DeleteAsync(records[10].Id, Ct);
        records[3] = moved;
        records[7] = renamed;
        records.RemoveAt(10);

        foreach (var subject in new string?[] { null, Id("Alice Adams"), Id("Dan Diaz") })
        {
            foreach (var source in new string?[] { null, "CNN.COM" })
            {
                var scope = new CoverageScope { EntityId = subject, Source = source, From = from, To = to };
                CoverageAssert.SameDaily(CoverageRecount.Daily(records, scope), await store.Coverage.ReadDailyAsync(scope, Ct), $"{subject} {source}");
            }

            var outlets = await store.Coverage.ReadSourcesAsync(new CoverageScope { EntityId = subject, From = from, To = to }, Ct);
            Assert.Equal(
                CoverageRecount.Sources(records, new CoverageScope { EntityId = subject, From = from, To = to }).Select(e => (e.Key, CoverageAssert.Sums(e.Value))).Order(),
                outlets.Select(s => (s.Source?.ToLowerInvariant() ?? "", CoverageAssert.Sums(s.Totals))).Order());
        }

        foreach (var source in new string?[] { null, "cnn.com" })
        {
            var scope = new CoverageScope { EntityId = Id("Alice Adams"), Source = source, From = from, To = to };
            var coMentions = await store.Coverage.ReadCoMentionsAsync(scope, Ct);
            Assert.Equal(
                CoverageRecount.CoMentions(records, scope).Select(e => (e.Key, e.Value.Name, CoverageAssert.Sums(e.Value.Totals))).Order(),
                coMentions.Select(c => (c.EntityId, c.Name, CoverageAssert.Sums(c.Totals))).Order());

            var query = new EntityQuery { Source = source, From = from, To = to, Top = 10 };
            var board = await store.ListEntitiesAsync(query, Ct);
            Assert.Equal(Leaderboard(records, query), board.Select(e => (e.Id, e.Name, e.ArticleCount, e.MentionCount)));
        }
    }

    // The leaderboard recounted: a window or outlet counts dated articles only when windowed.
    private static List<(string, string, int, int)> Leaderboard(IEnumerable<ArticleRecord> records, EntityQuery query)
    {
        var windowed = query.From is not null || query.To is not null;
        var scope = new CoverageScope { Source = query.Source, From = query.From, To = query.To };
        return records
            .Where(r => CoverageRecount.InWindow(r, scope) && (r.IsDated || !windowed))
            .Where(r => query.Source is null || string.Equals(r.Source, query.Source, StringComparison.OrdinalIgnoreCase))
            .SelectMany(r => Core.Aggregates.EntityContribution.From(r).Values)
            .GroupBy(c => c.EntityId)
            .Select(g => (Id: g.Key, Name: g.Select(c => c.Name).Aggregate(Core.Aggregates.EntityNames.Prefer), Articles: g.Count(), Mentions: g.Sum(c => c.Mentions)))
            .OrderByDescending(e => e.Articles).ThenByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(query.Top)
            .Select(e => (e.Id, e.Name, e.Articles, e.Mentions))
            .ToList();
    }
}

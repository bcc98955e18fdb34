using Pipeline.Core.Coverage;

namespace Pipeline.Core.Tests.Coverage;

public sealed class CoverageQueriesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EntityRef Alice = new("person-alice", "Alice", "Person");
    private static readonly EntityRef Bob = new("person-bob", "Bob", "Person");

    private static DateTimeOffset Day(int m, int d) => new(2016, m, d, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A store that answers from fixed per-entity days (a fake of our own interface).</summary>
    private sealed class FixedStore(Dictionary<string, Dictionary<DateTimeOffset, (long Articles, long? Polarity)>> days) : ICoverageStore
    {
        public Task<DailyCoverage> ReadDailyAsync(CoverageScope scope, CancellationToken cancellationToken)
        {
            var result = new Dictionary<int, CoverageTotals>();
            foreach (var (day, (articles, polarity)) in days.GetValueOrDefault(scope.EntityId ?? "", []))
            {
                if ((scope.From is { } f && day < f) || (scope.To is { } t && day >= t))
                {
                    continue;
                }

                var totals = new CoverageTotals();
                for (var i = 0; i < articles; i++)
                {
                    totals.AddArticle(1, polarity);
                }

                result[DailyCoverage.DayNumber(day.UtcTicks)] = totals;
            }

            return Task.FromResult(new DailyCoverage(result, 2));
        }

        public Task<IReadOnlyList<SourceCoverage>> ReadSourcesAsync(CoverageScope scope, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<CoMentionCoverage>> ReadCoMentionsAsync(CoverageScope scope, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CorpusCounts> ReadCountsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static CoverageQueries Queries() => new(new FixedStore(new()
    {
        [Alice.Id] = new() { [Day(6, 6)] = (2, 200_000), [Day(6, 8)] = (1, -400_000), [Day(6, 20)] = (1, null) },
        [Bob.Id] = new() { [Day(6, 7)] = (3, 500_000) },
    }));

    [Fact]
    public async Task GetTimelineAsync_TwoEntitiesByDay_SharedDenseBuckets()
    {
        var timeline = await Queries().GetTimelineAsync([Alice, Bob], TimeBucket.Day, new CoverageScope(), Ct);

        Assert.Equal(2, timeline.Series.Count);
        Assert.All(timeline.Series, s => Assert.Equal(15, s.Points.Count)); // June 6 to June 20, empty days included
        Assert.All(timeline.Series, s => Assert.Equal(Day(6, 6), s.Points[0].Start));
        var alice = timeline.Series[0];
        Assert.Equal(Alice, alice.Entity);
        Assert.Equal([2L, 0, 1], alice.Points.Take(3).Select(p => p.Articles));
        Assert.Null(alice.Points[1].Tone.Mean);
        Assert.Equal(0.2, alice.Points[0].Tone.Mean!.Value, 6);
        Assert.Equal(2, alice.Undated);
        Assert.Equal(3, timeline.Series[1].Points[1].Articles);
    }

    [Fact]
    public async Task GetTimelineAsync_Weeks_StartOnMondayAndSum()
    {
        var timeline = await Queries().GetTimelineAsync([Alice], TimeBucket.Week, new CoverageScope(), Ct);

        var points = timeline.Series[0].Points;
        Assert.Equal([Day(6, 6), Day(6, 13), Day(6, 20)], points.Select(p => p.Start)); // June 6, 2016 was a Monday
        Assert.Equal([3L, 0, 1], points.Select(p => p.Articles));
        var tone = points[0].Tone;
        Assert.Equal((0.0, 3L), (Math.Round(tone.Mean!.Value, 6), tone.Count)); // (0.2 + 0.2 - 0.4) / 3
        Assert.Equal(Math.Sqrt(0.12), tone.StdDev!.Value, 6);
        Assert.Equal((null, 0L, null), (points[2].Tone.Mean, points[2].Tone.Count, points[2].Tone.StdDev)); // one unscored article
    }

    [Fact]
    public async Task GetTimelineAsync_WindowGiven_BucketsCoverTheWindow()
    {
        var scope = new CoverageScope { From = Day(5, 15), To = Day(8, 1) };

        var timeline = await Queries().GetTimelineAsync([Bob], TimeBucket.Month, scope, Ct);

        Assert.Equal([Day(5, 1), Day(6, 1), Day(7, 1)], timeline.Series[0].Points.Select(p => p.Start));
        Assert.Equal([0L, 3, 0], timeline.Series[0].Points.Select(p => p.Articles));
    }

    [Fact]
    public async Task GetTimelineAsync_TooManyDays_ThrowsWithAdvice()
    {
        var scope = new CoverageScope { From = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var ex = await Assert.ThrowsAsync<QueryTooLargeException>(() => Queries().GetTimelineAsync([Bob], TimeBucket.Day, scope, Ct));

        Assert.Contains("wider bucket", ex.Message, StringComparison.Ordinal);
        Assert.Equal(240, (await Queries().GetTimelineAsync([Bob], TimeBucket.Month, scope, Ct)).Series[0].Points.Count);
    }
}

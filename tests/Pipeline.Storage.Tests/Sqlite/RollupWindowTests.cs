using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests.Sqlite;

public sealed class RollupWindowTests
{
    private static readonly DateTimeOffset Start = new(2015, 12, 20, 0, 0, 0, TimeSpan.Zero);

    // Every tick of [from, to) inside the corpus span is covered by exactly one piece, and none outside it.
    public static TheoryData<int, bool> Seeds => new() { { 1, true }, { 2, true }, { 3, false }, { 4, false }, { 5, true } };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plan_RandomWindows_PiecesCoverTheWindowExactlyOnce(int seed, bool months)
    {
        var random = new Random(seed);
        for (var n = 0; n < 400; n++)
        {
            DateTimeOffset? from = random.Next(6) == 0 ? null : Pick(random);
            DateTimeOffset? to = random.Next(6) == 0 ? null : Pick(random);
            var window = RollupWindow.Plan(from, to, months);

            var pieces = Pieces(window).OrderBy(p => p.From).ToList();
            var (lo, hi) = (Start.UtcTicks - TimeSpan.TicksPerDay * 400, Start.UtcTicks + TimeSpan.TicksPerDay * 1200);
            var expectedFrom = Math.Max(from?.UtcTicks ?? lo, lo);
            var expectedTo = Math.Min(to?.UtcTicks ?? hi, hi);
            var clipped = pieces.Select(p => (From: Math.Max(p.From, lo), To: Math.Min(p.To, hi))).Where(p => p.From < p.To).ToList();
            if (expectedFrom >= expectedTo)
            {
                Assert.Empty(clipped);
                continue;
            }

            Assert.Equal(expectedFrom, clipped[0].From);
            Assert.Equal(expectedTo, clipped[^1].To);
            for (var i = 1; i < clipped.Count; i++)
            {
                Assert.Equal(clipped[i - 1].To, clipped[i].From); // no gap, no overlap
            }

            Assert.True(months || window.Months.Count == 0);
            // Per-article rows are read only for partial days.
            Assert.All(window.Raw, r => Assert.True(r.From != long.MinValue && r.To != long.MaxValue && r.To - r.From < TimeSpan.TicksPerDay, $"{r.From}..{r.To}"));
        }
    }

    [Fact]
    public void Plan_WholeMonthsWithPartialEdges_UsesEachLevelOnce()
    {
        var window = RollupWindow.Plan(new DateTimeOffset(2018, 1, 14, 7, 30, 0, TimeSpan.Zero), new DateTimeOffset(2018, 7, 3, 12, 0, 0, TimeSpan.Zero), months: true);

        Assert.Equal([Day(2018, 1, 14) + TimeSpan.TicksPerHour * 7.5, Day(2018, 7, 3)], window.Raw.Select(r => (double)r.From));
        Assert.Equal([(Day(2018, 1, 15) / TimeSpan.TicksPerDay, Day(2018, 2, 1) / TimeSpan.TicksPerDay), (Day(2018, 7, 1) / TimeSpan.TicksPerDay, Day(2018, 7, 3) / TimeSpan.TicksPerDay)], window.Days);
        Assert.Equal([(Day(2018, 2, 1) / TimeSpan.TicksPerDay, Day(2018, 7, 1) / TimeSpan.TicksPerDay)], window.Months);
    }

    [Theory]
    [InlineData(9999, 12, 31, true)]
    [InlineData(9999, 12, 15, true)]
    [InlineData(1, 1, 1, false)]
    public void Plan_EdgesOfTheCalendar_NoOverflow(int year, int month, int day, bool asFrom)
    {
        var at = new DateTimeOffset(year, month, day, 6, 0, 0, TimeSpan.Zero);

        var window = asFrom ? RollupWindow.Plan(at, null, months: true) : RollupWindow.Plan(null, at, months: true);

        Assert.NotEmpty(window.Raw); // the partial day at the edge
        Assert.All(window.Days, d => Assert.True(d.From < d.To || d.To == long.MaxValue));
    }

    private static long Day(int y, int m, int d) => new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private static DateTimeOffset Pick(Random random)
    {
        var day = Start.AddDays(random.Next(800));
        return random.Next(3) switch
        {
            0 => day, // midnight
            1 => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero), // a month start
            _ => day.AddTicks(random.NextInt64(TimeSpan.TicksPerDay)),
        };
    }

    private static IEnumerable<(long From, long To)> Pieces(RollupWindow window)
    {
        foreach (var r in window.Raw)
        {
            yield return r;
        }

        foreach (var (from, to) in window.Days)
        {
            yield return (Scale(from), Scale(to));
        }

        foreach (var (from, to) in window.Months)
        {
            yield return (Scale(from), Scale(to));
        }
    }

    private static long Scale(long day) => day == long.MinValue || day == long.MaxValue ? day : day * TimeSpan.TicksPerDay;
}

using Pipeline.Core.Coverage;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>Coverage answers compared by their integer sums, which both stores and the recount keep exactly.</summary>
internal static class CoverageAssert
{
    public static (long, long, long, long, long) Sums(CoverageTotals t) => (t.Articles, t.Mentions, t.Scored, t.PolaritySum, t.PolaritySquares);

    public static void SameDaily(DailyCoverage expected, DailyCoverage actual, string what = "")
    {
        Assert.True(expected.Undated == actual.Undated, $"{what}: undated {actual.Undated}, expected {expected.Undated}");
        Assert.Equal(
            expected.Days.OrderBy(d => d.Key).Select(d => (d.Key, Sums(d.Value))),
            actual.Days.OrderBy(d => d.Key).Select(d => (d.Key, Sums(d.Value))));
    }
}

namespace Pipeline.Core.Coverage;

/// <summary>A store's answer for one series: totals per UTC day that has articles, and the undated articles left out.</summary>
/// <param name="Days">Keyed by the day's number: <see cref="DayNumber"/>.</param>
/// <param name="Undated">Articles in scope uploaded inside the window whose only date is that upload time, when they were left out (else 0).</param>
public sealed record DailyCoverage(IReadOnlyDictionary<int, CoverageTotals> Days, long Undated)
{
    /// <summary>Days since 0001-01-01 UTC.</summary>
    public static int DayNumber(long utcTicks) => (int)(utcTicks / TimeSpan.TicksPerDay);

    public static DateTimeOffset DayStart(int day) => new(day * TimeSpan.TicksPerDay, TimeSpan.Zero);
}

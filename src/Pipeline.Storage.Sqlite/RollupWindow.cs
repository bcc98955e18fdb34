namespace Pipeline.Storage.Sqlite;

/// <summary>
/// A time window [from, to) cut into the pieces the rollups answer: whole months, then whole days, and only the
/// partial days at its edges from the per-article rows. The rows read then follow the window's length, not the
/// number of articles inside it.
/// </summary>
/// <param name="Raw">Tick ranges read from the per-article rows.</param>
/// <param name="Days">Day-number ranges read from the daily rollup rows.</param>
/// <param name="Months">Day-number ranges (month starts) read from the monthly rollup rows.</param>
internal sealed record RollupWindow(
    IReadOnlyList<(long From, long To)> Raw, IReadOnlyList<(long From, long To)> Days, IReadOnlyList<(long From, long To)> Months)
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>Some of the window is read from rollup rows (whole days or months).</summary>
    public bool HasPeriods => Days.Count > 0 || Months.Count > 0;

    /// <summary>Nothing to read: the window is empty.</summary>
    public bool IsEmpty => !HasPeriods && Raw.Count == 0;

    /// <summary>No bound on either side: every month.</summary>
    public bool IsAllTime => Raw.Count == 0 && Days.Count == 0 && Months is [(long.MinValue, long.MaxValue)];

    /// <summary>Cuts [from, to) (either side open); with <paramref name="months"/> off, into whole days and partial days only.</summary>
    public static RollupWindow Plan(DateTimeOffset? from, DateTimeOffset? to, bool months)
    {
        long? f = from?.UtcTicks, t = to?.UtcTicks;
        var raw = new List<(long, long)>();
        var dayRanges = new List<(long, long)>();
        var monthRanges = new List<(long, long)>();
        if (f is { } f0 && t is { } t0 && f0 >= t0)
        {
            return new RollupWindow(raw, dayRanges, monthRanges);
        }

        // Whole days inside the window: [firstDay, endDay), open where the window is.
        long? firstDay = f is { } fv ? CeilingDiv(fv, TicksPerDay) : null;
        long? endDay = t is { } tv ? tv / TicksPerDay : null;
        if (firstDay is { } fd0 && endDay is { } ed0 && fd0 >= ed0)
        {
            raw.Add((f!.Value, t!.Value)); // within one day, or across one midnight with no whole day
            return new RollupWindow(raw, dayRanges, monthRanges);
        }

        if (f is { } fs && firstDay is { } fd && fs < fd * TicksPerDay)
        {
            raw.Add((fs, fd * TicksPerDay));
        }

        if (t is { } te && endDay is { } ed && ed * TicksPerDay < te)
        {
            raw.Add((ed * TicksPerDay, te));
        }

        long? firstMonth = firstDay is { } a ? MonthCeiling(a) : null;
        long? endMonth = endDay is { } b ? MonthFloor(b) : null;
        if (!months || (firstMonth is { } fm0 && endMonth is { } em0 && fm0 >= em0))
        {
            dayRanges.Add((firstDay ?? long.MinValue, endDay ?? long.MaxValue));
        }
        else
        {
            if (firstDay is { } fd1 && fd1 < firstMonth!.Value)
            {
                dayRanges.Add((fd1, firstMonth.Value));
            }

            monthRanges.Add((firstMonth ?? long.MinValue, endMonth ?? long.MaxValue));
            if (endDay is { } ed1 && endMonth!.Value < ed1)
            {
                dayRanges.Add((endMonth.Value, ed1));
            }
        }

        return new RollupWindow(raw, dayRanges, monthRanges);
    }

    /// <summary>The whole window [from, to) from the per-article rows (for views with no rollup).</summary>
    public static RollupWindow RowsOnly(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t && f >= t
            ? new RollupWindow([], [], [])
            : new RollupWindow([(from?.UtcTicks ?? long.MinValue, to?.UtcTicks ?? long.MaxValue)], [], []);

    /// <summary>The day number of the first day of the month that holds <paramref name="day"/>.</summary>
    public static long MonthFloor(long day)
    {
        var date = new DateTime(day * TicksPerDay, DateTimeKind.Utc);
        return new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Utc).Ticks / TicksPerDay;
    }

    private static long MonthCeiling(long day)
    {
        if (day > DateTime.MaxValue.Ticks / TicksPerDay)
        {
            return long.MaxValue; // the day after 9999-12-31
        }

        var floor = MonthFloor(day);
        var start = new DateTime(floor * TicksPerDay, DateTimeKind.Utc);
        // Inside December 9999 there is no next month: no whole month starts in the window.
        return floor == day ? day : start.Year == DateTime.MaxValue.Year && start.Month == 12 ? long.MaxValue : start.AddMonths(1).Ticks / TicksPerDay;
    }

    private static long CeilingDiv(long value, long divisor) => (value + divisor - 1) / divisor;
}

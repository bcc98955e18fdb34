namespace Pipeline.Storage.Entities;

/// <summary>A piece of a leaderboard window: a whole stats period, or a partial day summed from contributions.</summary>
internal readonly record struct LeaderboardSpan(DateTimeOffset From, DateTimeOffset To, string? Period);

/// <summary>Splits [from, to) into whole months, whole days and at most two partial days, so each is read once.</summary>
internal static class LeaderboardSpans
{
    public static IEnumerable<LeaderboardSpan> Split(DateTimeOffset from, DateTimeOffset to)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        if (from >= to)
        {
            yield break;
        }

        var firstWholeDay = Ceiling(from);
        var lastWholeDay = Floor(to);
        if (firstWholeDay >= lastWholeDay)
        {
            // No whole day inside: one or two partial days.
            var cut = Floor(to);
            if (cut > from && cut < to)
            {
                yield return new LeaderboardSpan(from, cut, null);
                yield return new LeaderboardSpan(cut, to, null);
            }
            else
            {
                yield return new LeaderboardSpan(from, to, null);
            }

            yield break;
        }

        if (from < firstWholeDay)
        {
            yield return new LeaderboardSpan(from, firstWholeDay, null);
        }

        var day = firstWholeDay;
        while (day < lastWholeDay)
        {
            if (day.Day == 1 && day.AddMonths(1) <= lastWholeDay)
            {
                yield return new LeaderboardSpan(day, day.AddMonths(1), EntityStatsStore.MonthPeriod(day));
                day = day.AddMonths(1);
            }
            else
            {
                yield return new LeaderboardSpan(day, day.AddDays(1), EntityStatsStore.DayPeriod(day));
                day = day.AddDays(1);
            }
        }

        if (lastWholeDay < to)
        {
            yield return new LeaderboardSpan(lastWholeDay, to, null);
        }
    }

    private static DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcDateTime.Date, TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset t) => Floor(t) == t ? t : Floor(t).AddDays(1);
}

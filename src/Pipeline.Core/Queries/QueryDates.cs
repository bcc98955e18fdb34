namespace Pipeline.Core.Queries;

/// <summary>
/// Query dates (the HTTP API's and the CLI's) at the ends of the calendar: "to=9999-12-31" includes that whole day (the bound becomes
/// <see cref="DateTimeOffset.MaxValue"/> instead of overflowing), and an upper bound at the first instant of the
/// calendar, which nothing can precede, is refused rather than handed to a store that subtracts a tick from it.
/// </summary>
public static class QueryDates
{
    /// <summary>The start of the day, or with <paramref name="endOfDay"/> the start of the next one (an exclusive bound).</summary>
    public static DateTimeOffset Day(DateOnly day, bool endOfDay)
    {
        if (endOfDay && day == DateOnly.MaxValue)
        {
            return DateTimeOffset.MaxValue;
        }

        return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>Whether an exclusive upper bound leaves any instant below it.</summary>
    public static bool IsUsableUpperBound(DateTimeOffset value) => value.UtcTicks > DateTimeOffset.MinValue.UtcTicks;
}

using System.Globalization;

namespace Pipeline.Storage.Keys;

/// <summary>Time-ordered keys: month buckets and inverted ticks so that ascending row keys list newest first.</summary>
public static class TimeKeys
{
    public static string Month(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateTimeOffset MonthStart(string month) =>
        new(DateTime.ParseExact(month, "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    public static string Inverted(long utcTicks) =>
        (DateTimeOffset.MaxValue.UtcTicks - utcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Row key of an article in a time-ordered index.</summary>
    public static string RowKey(DateTimeOffset timestamp, string articleId) => Inverted(timestamp.UtcTicks) + "_" + articleId;

    /// <summary>Row key bounds [lower, upper) selecting timestamps in [from, to).</summary>
    public static (string? Lower, string? Upper) Range(DateTimeOffset? from, DateTimeOffset? to) =>
        (to is { } t ? Inverted(t.UtcTicks - 1) : null, from is { } f ? Inverted(f.UtcTicks) + "~" : null);
}

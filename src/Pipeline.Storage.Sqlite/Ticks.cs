namespace Pipeline.Storage.Sqlite;

/// <summary>Times are stored as UTC ticks: integers order and compare exactly, and index well.</summary>
internal static class Ticks
{
    public static long Of(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset ToTime(long ticks) => new(ticks, TimeSpan.Zero);
}

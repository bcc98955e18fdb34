namespace Pipeline.Server.Watcher;

/// <summary>When the watcher lists the container next: soon while things change, rarely when idle or when listing is costly.</summary>
public static class ListingSchedule
{
    /// <summary>A listing may take at most 1/20 of the time between listings (Azurite lists ~10,000 blobs a second).</summary>
    public const int CostFactor = 20;

    /// <param name="idleListings">Listings in a row that found nothing new.</param>
    /// <param name="lastListing">How long the last listing took.</param>
    /// <param name="options">The watcher's intervals.</param>
    public static TimeSpan NextDelay(int idleListings, TimeSpan lastListing, WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backoff = options.PollInterval.Ticks * (1L << Math.Clamp(idleListings, 0, 20));
        var delay = Math.Min(backoff, options.MaxPollInterval.Ticks);
        return TimeSpan.FromTicks(Math.Max(delay, lastListing.Ticks * CostFactor));
    }
}

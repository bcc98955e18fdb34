using Pipeline.Api.Health;
using Pipeline.Server.Watcher;

namespace Pipeline.Server;

/// <summary>The watcher's counters for /api/health; none when the watcher is configured off.</summary>
internal sealed class WatcherHealth(IServiceProvider services) : IWatcherReportSource
{
    public WatcherReport? Report() =>
        services.GetService<WatcherStatus>() is { } w
            ? new WatcherReport(w.InitialSweepDone, w.LastSweep, w.NextListingIn.TotalSeconds, w.Events, w.Pending, w.Processed, w.Failed, w.Deleted, w.Retries)
            : null;
}

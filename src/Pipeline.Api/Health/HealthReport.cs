namespace Pipeline.Api.Health;

/// <summary>GET /api/health.</summary>
public sealed record HealthReport(string Status, string Analyzer, WatcherReport? Watcher);

/// <summary>The standalone server's blob watcher: its counters since the server started (absent on Azure Functions).</summary>
public sealed record WatcherReport(bool InitialSweepDone, DateTimeOffset? LastSweep, double NextListingSeconds, long Events, int Pending, long Processed, long Failed, long Deleted, long Retries);

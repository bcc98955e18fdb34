namespace Pipeline.Api.Health;

/// <summary>GET /api/health.</summary>
public sealed record HealthReport(string Status, string Analyzer, WatcherReport? Watcher);

public sealed record WatcherReport(bool InitialSweepDone, DateTimeOffset? LastSweep, double NextListingSeconds, long Events, int Pending, long Processed, long Failed, long Deleted, long Retries);

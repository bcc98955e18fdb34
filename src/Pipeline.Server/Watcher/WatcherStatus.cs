namespace Pipeline.Server.Watcher;

/// <summary>What the watcher has done so far; shown by /api/health so users can see it is alive.</summary>
public sealed class WatcherStatus
{
    private long _processed;
    private long _failed;
    private long _deleted;
    private long _retries;
    private long _events;

    public DateTimeOffset? LastSweep { get; private set; }
    public bool InitialSweepDone { get; private set; }
    public int Pending { get; set; }

    /// <summary>Wait before the next listing of the container (grows while nothing changes).</summary>
    public TimeSpan NextListingIn { get; internal set; }

    /// <summary>Upload/delete events taken from the events queue.</summary>
    public long Events => Interlocked.Read(ref _events);

    public long Processed => Interlocked.Read(ref _processed);
    public long Failed => Interlocked.Read(ref _failed);
    public long Deleted => Interlocked.Read(ref _deleted);
    public long Retries => Interlocked.Read(ref _retries);

    internal void SweepCompleted(DateTimeOffset at)
    {
        LastSweep = at;
        InitialSweepDone = true;
    }

    internal void CountProcessed() => Interlocked.Increment(ref _processed);
    internal void CountFailed() => Interlocked.Increment(ref _failed);
    internal void CountDeleted() => Interlocked.Increment(ref _deleted);
    internal void CountRetry() => Interlocked.Increment(ref _retries);
    internal void CountEvents(int count) => Interlocked.Add(ref _events, count);
}

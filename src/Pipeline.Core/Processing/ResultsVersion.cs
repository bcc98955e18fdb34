namespace Pipeline.Core.Processing;

/// <summary>
/// Counts the writes this process made to the results store, so read caches in the same process drop answers the
/// moment they change. Writes by other processes (other Functions instances, the CLI) are not seen here: caches
/// bound how stale those can make an answer by age instead.
/// </summary>
public sealed class ResultsVersion
{
    private long _version;

    public long Current => Interlocked.Read(ref _version);

    public void Advance() => Interlocked.Increment(ref _version);
}

namespace Pipeline.Server.Watcher;

/// <summary>What the watcher's loops treat as storage being away for a while (they wait and try again) rather than a bug.</summary>
internal static class StorageOutage
{
    /// <summary>
    /// A storage error, or the SDK's AggregateException of them once its own retries ran out (what an outage longer
    /// than those retries, e.g. Azurite stopped for 30 s, throws). Anything else is not an outage and ends the loop.
    /// </summary>
    public static bool Is(Exception ex) =>
        ex is Azure.RequestFailedException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => e is Azure.RequestFailedException));

    /// <summary>The HTTP status of the (last) storage error; 0 when there was no answer (connection refused).</summary>
    public static int StatusOf(Exception ex) =>
        (ex as Azure.RequestFailedException ?? (ex as AggregateException)?.InnerExceptions[^1] as Azure.RequestFailedException)?.Status ?? 0;
}

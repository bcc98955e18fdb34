namespace Pipeline.Core.Processing;

/// <summary>
/// Which blob versions have been handled, so a restarted watcher neither reprocesses nor misses anything.
/// Keys are blob names; values are ETags.
/// </summary>
public interface IReceiptStore
{
    Task<IReadOnlyDictionary<string, string>> LoadAsync(string container, CancellationToken cancellationToken);

    Task RecordAsync(string container, string blobName, string eTag, CancellationToken cancellationToken);

    Task RemoveAsync(string container, string blobName, CancellationToken cancellationToken);
}

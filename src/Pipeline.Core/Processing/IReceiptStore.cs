namespace Pipeline.Core.Processing;

/// <summary>
/// Which blob versions have been handled, so a restarted watcher neither reprocesses nor misses anything:
/// a receipt per blob name holds the ETag of the version handled.
/// </summary>
public interface IReceiptStore
{
    /// <summary>Every receipt of the container, streamed (a large container's receipts are not held at once).</summary>
    IAsyncEnumerable<BlobReceipt> ReadAsync(string container, CancellationToken cancellationToken);

    Task RecordAsync(string container, string blobName, string eTag, CancellationToken cancellationToken);

    Task RemoveAsync(string container, string blobName, CancellationToken cancellationToken);
}

/// <summary>The version (<paramref name="ETag"/>) of blob <paramref name="BlobName"/> that was handled.</summary>
public readonly record struct BlobReceipt(string BlobName, string ETag);

using Pipeline.Core.Articles;

namespace Pipeline.Core.Processing;

/// <summary>The container articles are uploaded to, as the local watcher sees it.</summary>
public interface IArticleBlobSource
{
    string Container { get; }

    /// <summary>Every blob currently in the container with its version.</summary>
    IAsyncEnumerable<BlobVersion> ListAsync(CancellationToken cancellationToken);

    /// <summary>Reads one blob; null when it was deleted in the meantime.</summary>
    Task<RawArticle?> DownloadAsync(string blobName, CancellationToken cancellationToken);
}

/// <param name="Name">Blob name.</param>
/// <param name="ETag">Quote-stripped ETag.</param>
/// <param name="LastModified">Last write time.</param>
public sealed record BlobVersion(string Name, string ETag, DateTimeOffset LastModified);

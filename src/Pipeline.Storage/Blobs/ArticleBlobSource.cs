using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Storage.Configuration;

namespace Pipeline.Storage.Blobs;

/// <summary>
/// The articles container as the local watcher sees it: a listing of blob versions and downloads as
/// <see cref="RawArticle"/>. A blob larger than Processing:MaxArticleBytes is not downloaded at all: its
/// RawArticle has empty content and the real <see cref="RawArticle.ContentLength"/>, which the processor
/// records as failed ("Article is N bytes; the limit is ...").
/// </summary>
public sealed class ArticleBlobSource(StorageTables storage, IOptions<ProcessingOptions> processing, TimeProvider timeProvider)
{
    public string ContainerName => storage.ArticlesContainer.Name;

    /// <summary>
    /// Blobs asked for per listing request. The SDK parses each page's whole XML answer into a DOM before handing out
    /// its first blob: at the service's default of 5,000 a listing held ~40 MB of managed memory at once, a step in the
    /// local server's RSS each time the watcher listed. At 2,500 the step is about halved; smaller pages would cost
    /// more, as Azurite filters and sorts the rest of the container for every page (96k blobs: 22 s to list at 5,000,
    /// 29 s at 2,500, 50 s at 1,000; BENCHMARKS.md, "Peak RSS: gen0 budget and listing pages").
    /// </summary>
    internal const int ListingPageSize = 2500;

    public IAsyncEnumerable<ArticleBlobItem> ListAsync(CancellationToken cancellationToken) => ListAsync(ListingPageSize, cancellationToken);

    internal async IAsyncEnumerable<ArticleBlobItem> ListAsync(int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Traits = BlobTraits.None, States = BlobStates.None };
        await foreach (var page in storage.ArticlesContainer.GetBlobsAsync(options, cancellationToken).AsPages(pageSizeHint: pageSize))
        {
            foreach (var blob in page.Values)
            {
                var p = blob.Properties;
                yield return new ArticleBlobItem(blob.Name, StripQuotes(p.ETag), p.LastModified ?? default, p.ContentLength ?? 0);
            }
        }
    }

    /// <summary>The blob's current version, or null if it no longer exists.</summary>
    public Task<RawArticle?> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return DownloadAsync(storage.ArticlesContainer.GetBlobClient(blobName), cancellationToken);
    }

    /// <summary>The blob's current version, or null if it no longer exists (the Functions blob trigger hands over a client).</summary>
    /// <remarks>
    /// One request: the download's own response carries the version, size, content type and metadata, so what is read
    /// is always one consistent version. An oversized blob's body is not read (the response is dropped).
    /// </remarks>
    public async Task<RawArticle?> DownloadAsync(BlobClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var stage = PipelineTelemetry.Stage("read", timeProvider);
        BlobDownloadStreamingResult download;
        try
        {
            download = (await client.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        using (download)
        {
            var details = download.Details;
            var blob = new BlobReference(client.BlobContainerName, client.Name, StripQuotes(details.ETag), details.LastModified);
            var metadata = new Dictionary<string, string>(details.Metadata, StringComparer.OrdinalIgnoreCase);
            if (details.ContentLength > processing.Value.MaxArticleBytes)
            {
                return new RawArticle(blob, ReadOnlyMemory<byte>.Empty, details.ContentType, metadata) { ContentLength = details.ContentLength };
            }

            var content = new byte[details.ContentLength];
            await download.Content.ReadExactlyAsync(content, cancellationToken);
            return new RawArticle(blob, content, details.ContentType, metadata);
        }
    }

    internal static string StripQuotes(ETag? etag) => (etag?.ToString() ?? "").Trim('"');
}

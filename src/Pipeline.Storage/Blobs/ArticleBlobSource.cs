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
public sealed class ArticleBlobSource(StorageTables storage, IOptions<ProcessingOptions> processing)
{
    private const int MaxAttempts = 5;

    public string ContainerName => storage.ArticlesContainer.Name;

    public async IAsyncEnumerable<ArticleBlobItem> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Traits = BlobTraits.None, States = BlobStates.None };
        await foreach (var blob in storage.ArticlesContainer.GetBlobsAsync(options, cancellationToken))
        {
            var p = blob.Properties;
            yield return new ArticleBlobItem(blob.Name, StripQuotes(p.ETag), p.LastModified ?? default, p.ContentLength ?? 0);
        }
    }

    /// <summary>The blob's current version, or null if it no longer exists.</summary>
    public Task<RawArticle?> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return DownloadAsync(storage.ArticlesContainer.GetBlobClient(blobName), cancellationToken);
    }

    /// <summary>The blob's current version, or null if it no longer exists (the Functions blob trigger hands over a client).</summary>
    public async Task<RawArticle?> DownloadAsync(BlobClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var limit = processing.Value.MaxArticleBytes;
        for (var attempt = 1; ; attempt++)
        {
            BlobProperties properties;
            try
            {
                properties = (await client.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }

            var blob = new BlobReference(client.BlobContainerName, client.Name, StripQuotes(properties.ETag), properties.LastModified);
            var metadata = new Dictionary<string, string>(properties.Metadata, StringComparer.OrdinalIgnoreCase);
            if (properties.ContentLength > limit)
            {
                return new RawArticle(blob, ReadOnlyMemory<byte>.Empty, properties.ContentType, metadata) { ContentLength = properties.ContentLength };
            }

            try
            {
                // If-Match pins the version whose size was checked: a larger replacement cannot slip in.
                var content = await client.DownloadContentAsync(
                    new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
                    cancellationToken);
                return new RawArticle(blob, content.Value.Content.ToMemory(), properties.ContentType, metadata);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Overwritten between the two calls: read the new version.
            }
        }
    }

    internal static string StripQuotes(ETag? etag) => (etag?.ToString() ?? "").Trim('"');
}

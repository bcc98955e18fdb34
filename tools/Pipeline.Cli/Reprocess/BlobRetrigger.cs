using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Blobs;

namespace Pipeline.Cli.Reprocess;

internal enum RetriggerOutcome
{
    Retriggered,

    /// <summary>The blob was deleted; its results go with it.</summary>
    Gone,

    /// <summary>The blob changed since it was read: that newer upload is processed anyway, so it is left alone.</summary>
    ChangedMeanwhile,
}

/// <summary>
/// Makes the pipeline process a blob again by writing it again: same bytes, headers and metadata. The new version has a
/// new ETag and a later Last-Modified, which is what the local watcher (its receipts hold the last ETag handled) and
/// ArticleProcessor (it skips a version unless its ETag differs and it is not older than the stored one) take as new;
/// on Azure the write raises the BlobCreated event the Event Grid-source trigger listens for, which a metadata-only
/// change (Set Blob Metadata) does not.
/// </summary>
internal static class BlobRetrigger
{
    public static async Task<RetriggerOutcome> RetriggerAsync(BlobContainerClient container, ArticleEvents events, string blobName, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken)).Value;
            var details = download.Details;
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders
                {
                    ContentType = details.ContentType,
                    ContentEncoding = details.ContentEncoding,
                    ContentLanguage = details.ContentLanguage,
                    ContentDisposition = details.ContentDisposition,
                    CacheControl = details.CacheControl,
                },
                Metadata = details.Metadata,
                // Only over the version just read: an upload in between wins and is processed on its own.
                Conditions = new BlobRequestConditions { IfMatch = details.ETag },
            };
            await blob.UploadAsync(download.Content, options, cancellationToken);
            await events.NotifyCreatedAsync(blobName, cancellationToken);
            return RetriggerOutcome.Retriggered;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return RetriggerOutcome.Gone;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return RetriggerOutcome.ChangedMeanwhile;
        }
    }
}

using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Processing;
using Pipeline.Storage.Blobs;

namespace Pipeline.Functions;

/// <summary>
/// A blob landed in the articles container (Event Grid BlobCreated, delivered to the blob extension's webhook).
/// Permanent problems become failed records inside <see cref="ArticleProcessor"/>; anything else propagates so the
/// host retries and, after extensions.blobs.poisonBlobThreshold attempts, hands the blob to <see cref="RecordPoisonedArticle"/>.
/// </summary>
public sealed class ProcessArticle(ArticleBlobSource blobs, ArticleProcessor processor)
{
    [Function(nameof(ProcessArticle))]
    public async Task RunAsync(
        [BlobTrigger(FunctionBindings.ArticlesPath, Source = BlobTriggerSource.EventGrid, Connection = FunctionBindings.ArticlesConnection)] BlobClient blob,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var span = PipelineTelemetry.StartArticle(blob.Name);

        // Null: deleted since the event was raised; its BlobDeleted event removes whatever was stored.
        if (await blobs.DownloadAsync(blob, context.CancellationToken) is { } article)
        {
            await processor.ProcessAsync(article, context.CancellationToken);
        }
    }
}

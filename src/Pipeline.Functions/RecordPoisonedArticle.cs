using Microsoft.Azure.Functions.Worker;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;

namespace Pipeline.Functions;

/// <summary>The host gave up on a blob (every attempt failed transiently): it becomes a visible failed article.</summary>
public sealed class RecordPoisonedArticle(ArticleProcessor processor)
{
    internal const string Reason =
        "Processing failed on every attempt the Functions host made (extensions.blobs.poisonBlobThreshold); the blob was moved to the poison queue. See the function logs for the errors; upload the blob again to retry.";

    [Function(nameof(RecordPoisonedArticle))]
    public async Task RunAsync(
        [QueueTrigger(FunctionBindings.PoisonQueue, Connection = FunctionBindings.ArticlesConnection)] PoisonedBlob message,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);

        // The message carries no last-modified time: MinValue records the failure only where no result exists
        // yet, so a poisoned old version never hides a newer version that was processed.
        var blob = new BlobReference(message.ContainerName, message.BlobName, message.ETag.Trim('"'), DateTimeOffset.MinValue);
        await processor.RecordFailureAsync(blob, Reason, context.CancellationToken);
    }
}

/// <summary>
/// The blob extension's poison message, e.g.
/// {"Type":"BlobTrigger","FunctionId":"Host.Functions.ProcessArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"a.txt","ETag":"\"0x8D...\""}.
/// </summary>
public sealed record PoisonedBlob(string FunctionId, string ContainerName, string BlobName, string ETag);

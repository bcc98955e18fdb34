using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Processing;

namespace Pipeline.Functions;

/// <summary>A blob was deleted (Event Grid BlobDeleted, delivered to a storage queue): its results go too.</summary>
public sealed partial class DeleteArticle(ArticleProcessor processor, ILogger<DeleteArticle> logger)
{
    [Function(nameof(DeleteArticle))]
    public async Task RunAsync(
        [QueueTrigger(FunctionBindings.DeletionsQueue, Connection = FunctionBindings.ArticlesConnection)] string message,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A message that is not an Event Grid event throws: after maxDequeueCount it waits in the -poison queue.
        var gridEvent = EventGridEvent.Parse(BinaryData.FromString(message));
        if (!gridEvent.TryGetSystemEventData(out var data) || data is not StorageBlobDeletedEventData deleted)
        {
            LogIgnored(logger, gridEvent.EventType, gridEvent.Subject);
            return;
        }

        var blob = new BlobUriBuilder(new Uri(deleted.Url));
        await processor.DeleteAsync(blob.BlobContainerName, blob.BlobName, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a {EventType} event for {Subject}: only Microsoft.Storage.BlobDeleted is handled")]
    private static partial void LogIgnored(ILogger logger, string eventType, string subject);
}

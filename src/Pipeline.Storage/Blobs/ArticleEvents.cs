using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Pipeline.Storage.Blobs;

/// <summary>
/// Blob events in Event Grid's schema on a storage queue (Storage:EventsQueue). Uploaders post one per upload so the
/// local watcher finds a new article at once instead of listing the whole container; it is what Event Grid's
/// storage-queue destination delivers on Azure. An event is a hint, never the only record: the watcher's listing
/// still finds every blob, so a lost or malformed message delays an article, it never loses one.
/// </summary>
public sealed partial class ArticleEvents
{
    private const string CreatedType = "Microsoft.Storage.BlobCreated";
    private const string DeletedType = "Microsoft.Storage.BlobDeleted";

    private readonly QueueClient? _queue;
    private readonly string _container;
    private readonly string _blobEndpoint;
    private readonly TimeProvider _time;
    private readonly ILogger<ArticleEvents> _logger;

    /// <param name="queue">The events queue; null when none is configured (nothing is sent or received).</param>
    /// <param name="articles">The articles container the events are about.</param>
    /// <param name="timeProvider">Event times.</param>
    /// <param name="logger">Where ignored messages are reported.</param>
    public ArticleEvents(QueueClient? queue, BlobContainerClient articles, TimeProvider timeProvider, ILogger<ArticleEvents> logger)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _queue = queue;
        _container = articles.Name;
        _blobEndpoint = articles.Uri.GetLeftPart(UriPartial.Path)[..^_container.Length];
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>False when no queue endpoint is configured (Entra ID without Storage:QueueServiceUri).</summary>
    public bool IsAvailable => _queue is not null;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        _queue?.CreateIfNotExistsAsync(cancellationToken: cancellationToken) ?? Task.CompletedTask;

    /// <summary>Tells the watcher that <paramref name="blobName"/> was written (call after the upload succeeds).</summary>
    public Task NotifyCreatedAsync(string blobName, CancellationToken cancellationToken) => SendAsync(CreatedType, blobName, cancellationToken);

    /// <summary>Tells the watcher that <paramref name="blobName"/> was deleted.</summary>
    public Task NotifyDeletedAsync(string blobName, CancellationToken cancellationToken) => SendAsync(DeletedType, blobName, cancellationToken);

    /// <summary>Up to <paramref name="max"/> events for the articles container; others and malformed ones are completed and logged.</summary>
    public async Task<IReadOnlyList<ArticleEvent>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        if (_queue is null)
        {
            return [];
        }

        QueueMessage[] messages = await _queue.ReceiveMessagesAsync(max, TimeSpan.FromMinutes(1), cancellationToken);
        var events = new List<ArticleEvent>(messages.Length);
        foreach (var message in messages)
        {
            if (Parse(message.Body, _container) is { } parsed)
            {
                events.Add(new ArticleEvent(parsed.Kind, parsed.BlobName, message.MessageId, message.PopReceipt));
            }
            else
            {
                LogIgnored(_logger, message.MessageId);
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
        }

        return events;
    }

    public async Task CompleteAsync(ArticleEvent articleEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleEvent);
        try
        {
            await _queue!.DeleteMessageAsync(articleEvent.MessageId, articleEvent.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already completed after its visibility timeout let it be received again.
        }
    }

    /// <summary>The event for a blob of <paramref name="container"/>, or null if the message is anything else.</summary>
    public static (ArticleEventKind Kind, string BlobName)? Parse(BinaryData body, string container)
    {
        var text = body.ToString().Trim();
        if (!text.StartsWith('{') && !text.StartsWith('['))
        {
            // Queue triggers and some tools base64-encode message text.
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Trim();
            }
            catch (FormatException)
            {
                return null;
            }
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            // Event Grid may deliver one event or (from some senders) an array of them; one per message is expected.
            var root = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() == 1 ? json.RootElement[0] : json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var kind = type.GetString() switch
            {
                CreatedType => ArticleEventKind.Created,
                DeletedType => ArticleEventKind.Deleted,
                _ => (ArticleEventKind?)null,
            };
            var prefix = $"/blobServices/default/containers/{container}/blobs/";
            var s = subject.GetString()!;
            return kind is { } k && s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length ? (k, s[prefix.Length..]) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task SendAsync(string eventType, string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (_queue is null)
        {
            return;
        }

        // The fields of Event Grid's schema that a consumer needs; data.url names the blob as Event Grid does.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("eventType", eventType);
            json.WriteString("subject", $"/blobServices/default/containers/{_container}/blobs/{blobName}");
            json.WriteString("eventTime", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("dataVersion", "");
            json.WriteStartObject("data");
            json.WriteString("url", $"{_blobEndpoint.TrimEnd('/')}/{_container}/{blobName}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await _queue.SendMessageAsync(new BinaryData(buffer.WrittenMemory), cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events queue message {MessageId} is not a blob event for the articles container; removed (the container listing still covers every blob)")]
    private static partial void LogIgnored(ILogger logger, string messageId);
}

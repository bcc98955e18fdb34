using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Functions.Tests.Support;

/// <summary>
/// Builds Event Grid trigger invocations as the host sends them to a custom handler: the event (Event Grid
/// schema) in Data.{binding}, either as an object or — string-bound trigger data — JSON-encoded in a string.
/// </summary>
public sealed class EventGridPayloadBuilder
{
    private string _eventType = "Microsoft.Storage.BlobDeleted";
    private string _container = "articles";
    private string _blobName = "2026/11/story one.json";
    private bool _asString;
    private bool _withUrl = true;

    public static EventGridPayloadBuilder BlobDeleted(string container, string blobName) =>
        new() { _container = container, _blobName = blobName };

    public EventGridPayloadBuilder WithEventType(string eventType)
    {
        _eventType = eventType;
        return this;
    }

    /// <summary>The event as a double-encoded JSON string, as the host sends string-typed trigger values.</summary>
    public EventGridPayloadBuilder AsDoubleEncodedString()
    {
        _asString = true;
        return this;
    }

    /// <summary>Leave data.url out, so only the subject names the blob.</summary>
    public EventGridPayloadBuilder WithoutUrl()
    {
        _withUrl = false;
        return this;
    }

    public string Build()
    {
        var data = new JsonObject
        {
            ["api"] = "DeleteBlob",
            ["requestId"] = "9f4b5f6a-101e-0022-1c3a-0a4c2b000000",
            ["contentType"] = "application/json",
            ["blobType"] = "BlockBlob",
            ["sequencer"] = "0000000000000000000000000000201B00000000004092a5",
        };
        if (_withUrl)
        {
            data["url"] = $"https://pipelinestore.blob.core.windows.net/{_container}/{Uri.EscapeDataString(_blobName).Replace("%2F", "/", StringComparison.Ordinal)}";
        }

        var gridEvent = new JsonObject
        {
            ["topic"] = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/pipelinestore",
            ["subject"] = $"/blobServices/default/containers/{_container}/blobs/{_blobName}",
            ["eventType"] = _eventType,
            ["id"] = "831e1650-001e-001b-66ab-eeb76e069631",
            ["data"] = data,
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = "2026-11-22T16:00:00.0000000Z",
        };
        JsonNode value = _asString ? JsonSerializer.Serialize(JsonSerializer.Serialize(gridEvent)) : gridEvent;
        return new JsonObject
        {
            ["Data"] = new JsonObject { ["event"] = value },
            ["Metadata"] = new JsonObject
            {
                ["sys"] = new JsonObject { ["MethodName"] = "DeleteArticle", ["UtcNow"] = "2026-11-22T16:00:01Z", ["RandGuid"] = "e6a007d8-5e98-439b-8684-ffe8dc93a4af" },
            },
        }.ToJsonString();
    }
}

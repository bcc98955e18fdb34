using System.Text.Json;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// The blob trigger's poison-queue message, e.g.
/// {"Type":"BlobTrigger","FunctionId":"Host.Functions.ProcessArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"a.txt","ETag":"\"0x8D...\""}.
/// </summary>
internal sealed record PoisonMessage(string FunctionId, string Container, string BlobName, string ETag)
{
    /// <summary>Reads Data.{binding}, sent as an object or as a (double-encoded) JSON string; null when it names no blob.</summary>
    public static PoisonMessage? Read(JsonElement payload, string bindingName)
    {
        if (HostJson.GetObject(payload, "Data") is not { } data || HostJson.GetObject(data, bindingName) is not { } message)
        {
            return null;
        }

        var container = HostJson.GetString(message, "ContainerName");
        var name = HostJson.GetString(message, "BlobName");
        if (string.IsNullOrEmpty(container) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        var eTag = (HostJson.GetString(message, "ETag") ?? "").Trim('"');
        return new PoisonMessage(HostJson.GetString(message, "FunctionId") ?? "", container, name, eTag);
    }
}

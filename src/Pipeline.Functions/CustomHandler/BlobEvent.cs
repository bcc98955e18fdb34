using System.Text.Json;

namespace Pipeline.Functions.CustomHandler;

/// <summary>A storage event from Event Grid, reduced to what deletion needs.</summary>
internal sealed record BlobEvent(string EventType, BlobLocation? Blob)
{
    public const string BlobDeleted = "Microsoft.Storage.BlobDeleted";

    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>
    /// Reads Data.{binding}: an Event Grid schema event (eventType, subject, data.url), which the host may send
    /// as an object or as a (double-encoded) JSON string. Returns null when there is no event at all.
    /// </summary>
    public static BlobEvent? Read(JsonElement payload, string bindingName)
    {
        var data = HostJson.GetObject(payload, "Data");
        if (data is null || HostJson.GetObject(data.Value, bindingName) is not { } gridEvent)
        {
            return null;
        }

        // CloudEvents schema uses "type"; Event Grid schema "eventType".
        var eventType = HostJson.GetString(gridEvent, "eventType") ?? HostJson.GetString(gridEvent, "type") ?? "";
        var url = HostJson.GetObject(gridEvent, "data") is { } body ? HostJson.GetString(body, "url") : null;
        var blob = BlobLocation.TryParse(url) ?? FromSubject(HostJson.GetString(gridEvent, "subject"));
        return new BlobEvent(eventType, blob);
    }

    // "/blobServices/default/containers/articles/blobs/dir/x.txt"
    private static BlobLocation? FromSubject(string? subject)
    {
        if (subject is null || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject[SubjectPrefix.Length..];
        var separator = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (separator <= 0 || separator + "/blobs/".Length >= rest.Length)
        {
            return null;
        }

        return new BlobLocation(rest[..separator], rest[(separator + "/blobs/".Length)..]);
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Core.Articles;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// Reads the host's blob-trigger invocation payload (see docs/deploy.md and the captured payloads in the
/// custom-handler spec): base64 content in Data.{binding}; Metadata.name / Metadata.Uri double-encoded;
/// no BlobTrigger key (the host drops keys ending in "trigger"); Properties in either the legacy
/// Microsoft.Azure.Storage shape (enums as ints, "Length") or the Azure.Storage.Blobs shape ("ContentLength").
/// </summary>
public sealed class BlobTriggerPayloadReader(TimeProvider timeProvider)
{
    internal BlobTriggerInvocation Read(JsonElement payload, string bindingName, string defaultContainer)
    {
        var notes = new List<string>();
        var metadata = HostJson.GetObject(payload, "Metadata") ?? default;
        var location = Locate(metadata, defaultContainer, notes);
        var properties = HostJson.GetObject(metadata, "Properties");

        var (content, contentProblem) = ReadContent(payload, bindingName);
        if (location is null)
        {
            return new BlobTriggerInvocation(null, null, "The invocation payload names no blob (neither Metadata.name nor Metadata.Uri)." + Suffix(contentProblem), notes);
        }

        var eTag = properties is { } p ? StripQuotes(HostJson.GetString(p, "ETag")) : null;
        if (string.IsNullOrEmpty(eTag))
        {
            // The newer Properties shape may carry the ETag struct as {}: a content hash still makes replays idempotent.
            eTag = content is null ? "unknown" : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(content));
            notes.Add("No ETag in Metadata.Properties; using " + eTag + ".");
        }

        var lastModified = properties is { } q ? HostJson.GetDateTimeOffset(q, "LastModified") : null;
        if (lastModified is null)
        {
            notes.Add("No LastModified in Metadata.Properties; using the current time.");
        }

        var blob = new BlobReference(location.Container, location.Name, eTag, lastModified ?? timeProvider.GetUtcNow());
        if (content is null)
        {
            return new BlobTriggerInvocation(null, blob, contentProblem, notes);
        }

        var length = properties is { } r ? HostJson.GetInt64(r, "ContentLength") ?? HostJson.GetInt64(r, "Length") : null;
        if (length is { } expected && expected != content.Length)
        {
            notes.Add($"Metadata.Properties says {expected:N0} bytes; the host delivered {content.Length:N0}.");
        }

        var contentType = properties is { } s ? HostJson.GetString(s, "ContentType") : null;
        var article = new RawArticle(blob, content, string.IsNullOrEmpty(contentType) ? null : contentType, ReadUserMetadata(metadata));
        return new BlobTriggerInvocation(article, blob, null, notes);
    }

    private static BlobLocation? Locate(JsonElement metadata, string defaultContainer, List<string> notes)
    {
        var fromUri = BlobLocation.TryParse(HostJson.GetString(metadata, "Uri"));
        var name = HostJson.GetString(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            return fromUri;
        }

        if (fromUri is null)
        {
            notes.Add($"No usable Metadata.Uri; assuming container '{defaultContainer}'.");
            return new BlobLocation(defaultContainer, name);
        }

        return fromUri with { Name = name };
    }

    private static (byte[]? Content, string? Problem) ReadContent(JsonElement payload, string bindingName)
    {
        var data = HostJson.GetObject(payload, "Data");
        if (data is null || !HostJson.TryGetProperty(data.Value, bindingName, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return (null, $"The Functions host sent no blob content (Data.{bindingName} is missing).");
        }

        if (HostJson.GetString(value) is not { } text || value.ValueKind != JsonValueKind.String)
        {
            return (null, $"The Functions host sent blob content that is not a base64 string (Data.{bindingName} is {value.ValueKind}).");
        }

        try
        {
            return (Convert.FromBase64String(text), null);
        }
        catch (FormatException)
        {
            return (null, $"The Functions host sent blob content that is not valid base64 (Data.{bindingName}); is \"dataType\": \"binary\" set in function.json?");
        }
    }

    private static Dictionary<string, string> ReadUserMetadata(JsonElement metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (HostJson.GetObject(metadata, "Metadata") is { } user)
        {
            foreach (var property in user.EnumerateObject())
            {
                if (HostJson.GetString(property.Value) is { } value)
                {
                    result[property.Name] = value;
                }
            }
        }

        return result;
    }

    private static string? StripQuotes(string? eTag) => eTag?.Trim().Trim('"');

    private static string Suffix(string? problem) => problem is null ? "" : " " + problem;
}

using System.Globalization;
using System.Text.Json;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// Lenient readers for values in a Functions host invocation payload. The host serialises scalar binding data
/// with JsonConvert.SerializeObject, so strings arrive JSON-encoded twice ("\"dir/x.txt\""), while POCOs
/// arrive as objects; some bindings hand over whole JSON documents as (double-encoded) strings.
/// </summary>
internal static class HostJson
{
    private const int MaxUnwrap = 3;

    /// <summary>Case-insensitive property lookup (host casing differs between versions).</summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>A scalar as text: strings are unwrapped from their extra JSON encoding, numbers and booleans kept as written.</summary>
    public static string? GetString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                for (var i = 0; i < MaxUnwrap && IsJsonStringLiteral(text); i++)
                {
                    using var inner = JsonDocument.Parse(text);
                    text = inner.RootElement.GetString()!;
                }

                return text;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return element.GetRawText();
            default:
                return null;
        }
    }

    public static string? GetString(JsonElement parent, string name) =>
        TryGetProperty(parent, name, out var value) ? GetString(value) : null;

    /// <summary>An object, whether sent as an object or as a JSON document inside a (possibly double-encoded) string.</summary>
    public static JsonElement? GetObject(JsonElement element)
    {
        for (var i = 0; i <= MaxUnwrap; i++)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return element;
            }

            if (element.ValueKind != JsonValueKind.String || !TryParse(element.GetString()!, out element))
            {
                return null;
            }
        }

        return null;
    }

    public static JsonElement? GetObject(JsonElement parent, string name) =>
        TryGetProperty(parent, name, out var value) ? GetObject(value) : null;

    public static long? GetInt64(JsonElement parent, string name)
    {
        if (!TryGetProperty(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return long.TryParse(GetString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    public static DateTimeOffset? GetDateTimeOffset(JsonElement parent, string name)
    {
        var text = TryGetProperty(parent, name, out var value) ? GetString(value) : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static bool IsJsonStringLiteral(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' && TryParse(text, out var parsed) && parsed.ValueKind == JsonValueKind.String;

    private static bool TryParse(string text, out JsonElement element)
    {
        element = default;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '"' or '['))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

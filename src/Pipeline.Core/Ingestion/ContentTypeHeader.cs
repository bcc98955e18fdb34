namespace Pipeline.Core.Ingestion;

/// <summary>The two parts of a Content-Type we use: the media type and the charset parameter.</summary>
internal static class ContentTypeHeader
{
    public static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var media = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return media.Length == 0 ? null : media.ToLowerInvariant();
    }

    public static string? Charset(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                return part["charset=".Length..].Trim('"', '\'', ' ').ToLowerInvariant();
            }
        }

        return null;
    }
}

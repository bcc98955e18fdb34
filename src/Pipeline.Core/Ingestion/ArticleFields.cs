using Pipeline.Core.Analysis;

namespace Pipeline.Core.Ingestion;

/// <summary>Field clean-up shared by all formats: URLs, sources, authors, language codes.</summary>
internal static class ArticleFields
{
    /// <summary>An absolute http(s) URL, or null.</summary>
    public static string? Url(string? value)
    {
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text) && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? text // as written: Uri.ToString() would unescape it
            : null;
    }

    /// <summary>The host of an URL without "www.", e.g. "https://www.example.com/a" → "example.com".</summary>
    public static string? HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>A person's name from a byline-ish string: whitespace normalised, a leading "By" dropped.</summary>
    public static string? Author(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var line = TextNormalizer.NormalizeLine(value);
        if (line.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            line = line[3..].TrimStart();
        }

        // Profile links (article:author often holds one) are not names.
        return line.Length == 0 || line.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? null
            : line;
    }

    public static string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var line = TextNormalizer.NormalizeLine(value);
        return line.Length == 0 ? null : line;
    }

    /// <summary>"en", "en-US", "EN_gb" → "en"; anything that is not an ISO 639-1 code ("xx", "english") → null, so the language is detected.</summary>
    public static string? Language(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var primary = text.Split('-', '_')[0];
        return LanguageCodes.IsIso6391(primary) ? primary.ToLowerInvariant() : null;
    }
}

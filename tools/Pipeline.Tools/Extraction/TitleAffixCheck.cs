namespace Pipeline.Tools.Extraction;

/// <summary>
/// Finds a site or section affix left in an extracted title: a separator-delimited head or tail that names the site
/// (its declared name or its host), or, when the dev set has the page's title, that our title adds around it.
/// </summary>
internal static class TitleAffixCheck
{
    private static readonly string[] Separators = [" | ", "|", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " › ", " @ ", " _ "];

    /// <summary>Why the title still carries an affix, or null when it carries none.</summary>
    public static string? Remaining(string? title, string? siteName, string? host, string? expected)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = title.Trim();
        var names = new[] { siteName, HostLabel(host) }.Select(n => Key(n ?? "")).Where(n => n.Length >= 2).Distinct().ToList();
        foreach (var separator in Separators)
        {
            var parts = title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            foreach (var part in (ReadOnlySpan<string>)[parts[0], parts[^1]])
            {
                var key = Key(part);
                if (names.FirstOrDefault(n => key == n || (key.Contains(n, StringComparison.Ordinal) && n.Length >= 4 && part.Split(' ').Length <= 3)) is { } name)
                {
                    return $"'{part}' names the site ({name})";
                }
            }

            // Our title is the page's title with more around it ("Headline | Code | Jane Roe" for "Headline | Code").
            if (expected is { Length: > 0 } && Key(expected) is { Length: > 0 } wanted && Key(title) != wanted
                && (Key(parts[0]) == wanted || Key(parts[^1]) == wanted
                    || title.StartsWith(expected.Trim() + separator, StringComparison.Ordinal) || title.EndsWith(separator + expected.Trim(), StringComparison.Ordinal)))
            {
                return $"the page's title is '{expected.Trim()}'";
            }
        }

        return null;
    }

    // "www.spacenews.com" -> "spacenews", "news.bbc.co.uk" -> "bbc".
    private static string? HostLabel(string? host)
    {
        if (host is null)
        {
            return null;
        }

        var labels = host.Split('.');
        var index = labels.Length - 2;
        if (index > 0 && labels[index].Length <= 3)
        {
            index--;
        }

        return index >= 0 ? labels[index] : host;
    }

    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}

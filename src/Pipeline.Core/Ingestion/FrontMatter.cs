namespace Pipeline.Core.Ingestion;

/// <summary>
/// YAML front matter as blogs and static-site generators write it: a "---" line, "key: value" lines, a closing
/// "---" (or "..."). Only flat scalar values are read; lists and nested maps are skipped (no YAML library needed).
/// </summary>
internal static class FrontMatter
{
    /// <summary>Splits leading front matter off; returns the fields (case-insensitive keys) and the rest of the text.</summary>
    public static (Dictionary<string, string> Fields, string Body) Split(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (fields, text);
        }

        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line is "---" or "...")
            {
                return (fields, string.Join('\n', lines[(i + 1)..]));
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = Unquote(line[(colon + 1)..].Trim());
            if (value.Length > 0)
            {
                fields.TryAdd(key, value);
            }
        }

        // No closing line: this was a horizontal rule, not front matter.
        return (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), text);
    }

    public static string? Get(Dictionary<string, string> fields, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0], value[^1]) is ('"', '"') or ('\'', '\''))
        {
            var inner = value[1..^1];
            return value[0] == '"' ? inner.Replace("\\\"", "\"", StringComparison.Ordinal) : inner.Replace("''", "'", StringComparison.Ordinal);
        }

        // [a, b] inline lists: keep the items as text ("a, b").
        return value.Length >= 2 && value[0] == '[' && value[^1] == ']'
            ? string.Join(", ", value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim('"', '\'')))
            : value;
    }
}

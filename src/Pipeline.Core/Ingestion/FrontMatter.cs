namespace Pipeline.Core.Ingestion;

/// <summary>
/// YAML front matter as blogs and static-site generators write it: "key: value" lines between "---" fences (Markdig's
/// YAML front matter extension finds the block). Only flat scalar values are read; lists and nested maps are skipped.
/// </summary>
internal static class FrontMatter
{
    /// <summary>The fields (case-insensitive keys) of a front matter block's lines, without its "---" fences.</summary>
    public static Dictionary<string, string> Read(IEnumerable<string> lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line is "---" or "..." || colon <= 0 || char.IsWhiteSpace(line[0]))
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

        return fields;
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

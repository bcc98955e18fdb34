using System.Text;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Whitespace normalisation shared by every format. Only whitespace and invisible characters change:
/// letters and punctuation (curly quotes, dashes) are kept exactly as written.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>CRLF and lone CR become LF; a stray BOM is dropped.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\uFEFF", "", StringComparison.Ordinal);

    /// <summary>
    /// One line of prose: no-break and other odd spaces become plain spaces, zero-width characters, soft hyphens and
    /// bidi embedding/override/isolate controls go (an override makes a title display reversed: "Trojan Source"
    /// spoofing), runs of spaces collapse, and the ends are trimmed.
    /// </summary>
    public static string NormalizeLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                continue;
            }

            if (c == ' ' || c == '\t' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Splits text into paragraphs (blank-line separated) of normalised, non-empty lines.</summary>
    public static List<List<string>> Paragraphs(string text)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var raw in NormalizeLineEndings(text).Split('\n'))
        {
            var line = NormalizeLine(raw);
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    /// <summary>Lines joined by LF, paragraphs by a blank line.</summary>
    public static string Join(IEnumerable<IReadOnlyList<string>> paragraphs) =>
        string.Join("\n\n", paragraphs.Where(p => p.Count > 0).Select(p => string.Join('\n', p)));
}

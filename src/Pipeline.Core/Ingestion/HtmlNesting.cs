namespace Pipeline.Core.Ingestion;

/// <summary>
/// A linear pre-scan of how deep an HTML page's elements nest, before AngleSharp builds the tree. The HTML5 tree
/// builder checks scopes by walking the stack of open elements, so thousands of unclosed tags cost quadratic time
/// (20,000 nested &lt;div&gt;&lt;span&gt; took ~11 s, 50,000 over a minute); real pages nest a few dozen levels. The
/// estimate counts start tags minus end tags of elements that can nest in themselves: void elements, raw text
/// (script, style), comments, and elements the parser closes implicitly (p, li, td, a, headings...) do not deepen it.
/// Stray end tags make it undercount; only odd markup (a table opened directly inside a table) makes it overcount.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>Deeper than this is rejected: ~30 times the deepest of the 550 dev pages (70), and parsed in ~0.1 s.</summary>
    public const int MaxDepth = 2048;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidElements = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "basefont", "bgsound", "frame", "keygen", "image", "isindex",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    // Opened again, these close the previous one (or are ignored) instead of nesting: depth does not grow with them.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SelfClosing = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
        "colgroup", "caption", "rb", "rt", "rp", "rtc", "a", "nobr", "button", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawText = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the markup nests deeper than <paramref name="limit"/> elements (stops scanning once it does).</summary>
    public static bool IsDeeperThan(string html, int limit = MaxDepth)
    {
        var depth = 0;
        var foreign = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = SkipPast(html, i + 4, "-->");
                continue;
            }

            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            i = tagEnd + 1;
            if (VoidElements.Contains(name) || SelfClosing.Contains(name))
            {
                continue;
            }

            var isForeignRoot = name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                foreign = isForeignRoot ? Math.Max(0, foreign - 1) : foreign;
                continue;
            }

            // "<x/>" closes itself only in SVG and MathML; in HTML "<div/>" opens a div.
            if (foreign > 0 && html[tagEnd - 1] == '/')
            {
                continue;
            }

            foreign += isForeignRoot ? 1 : 0;
            if (++depth > limit)
            {
                return true;
            }

            if (RawText.Contains(name))
            {
                i = SkipPast(html, i, string.Concat("</", name));
                depth--;
            }
        }

        return false;
    }

    private static int SkipPast(string html, int from, string end)
    {
        var at = html.IndexOf(end, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + end.Length;
    }
}

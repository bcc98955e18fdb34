using System.Net;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// A forgiving HTML reader for article pages: tags, attributes, comments, entities, raw-text elements
/// (script, style, title, textarea), void elements and the common implied end tags. It never fails: unknown or
/// unbalanced markup degrades to text, which is what matters for extracting an article.
/// </summary>
internal static class HtmlTreeBuilder
{
    /// <summary>
    /// Deeper elements are attached flat to their ancestor at this depth. Real pages nest a few dozen levels; a
    /// pathological upload of thousands of unclosed tags must not blow the stack of the recursive text walk.
    /// </summary>
    internal const int MaxDepth = 200;

    private static readonly HashSet<string> VoidElements =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    private static readonly HashSet<string> RawTextElements = ["script", "style", "title", "textarea", "noscript", "template", "xmp"];

    // Opening one of these closes an open <p> (HTML's implied end tag rule, simplified).
    private static readonly HashSet<string> ClosesParagraph =
    [
        "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "ul", "ol", "table", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "form", "hr", "dl", "address", "fieldset",
    ];

    public static HtmlNode Parse(string html)
    {
        var root = HtmlNode.Element("#document", [], null);
        var current = root;
        var text = new System.Text.StringBuilder();
        var i = 0;

        void FlushText()
        {
            if (text.Length > 0)
            {
                current.Children.Add(HtmlNode.TextNode(WebUtility.HtmlDecode(text.ToString()), current));
                text.Clear();
            }
        }

        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length)
            {
                text.Append(c);
                i++;
                continue;
            }

            var next = html[i + 1];
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                FlushText();
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
            }
            else if (next is '!' or '?')
            {
                FlushText();
                var end = html.IndexOf('>', i);
                i = end < 0 ? html.Length : end + 1;
            }
            else if (next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
            {
                FlushText();
                var (name, after) = ReadName(html, i + 2);
                var end = html.IndexOf('>', after);
                i = end < 0 ? html.Length : end + 1;
                current = Close(current, name);
            }
            else if (char.IsAsciiLetter(next))
            {
                FlushText();
                var (name, after) = ReadName(html, i + 1);
                var (attributes, selfClosing, end) = ReadAttributes(html, after);
                i = end;
                if (name == "p" || ClosesParagraph.Contains(name))
                {
                    current = CloseOpen(current, "p", stopAt: ["div", "section", "article", "td", "li", "blockquote", "main", "body"]);
                }

                if (name == "li")
                {
                    current = CloseOpen(current, "li", stopAt: ["ul", "ol"]);
                }

                var element = HtmlNode.Element(name, attributes, current);
                current.Children.Add(element);
                if (VoidElements.Contains(name) || selfClosing)
                {
                    continue;
                }

                if (RawTextElements.Contains(name))
                {
                    var close = IndexOfCloseTag(html, name, i);
                    var raw = html[i..(close < 0 ? html.Length : close)];
                    element.Children.Add(HtmlNode.TextNode(name is "script" or "style" ? raw : WebUtility.HtmlDecode(raw), element));
                    var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                    i = closeEnd < 0 ? html.Length : closeEnd + 1;
                    continue;
                }

                if (element.Depth < MaxDepth)
                {
                    current = element;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        FlushText();
        return root;
    }

    private static HtmlNode Close(HtmlNode current, string name)
    {
        for (var node = current; node.Parent is not null; node = node.Parent)
        {
            if (node.Name == name)
            {
                return node.Parent;
            }
        }

        return current; // a stray end tag is ignored
    }

    private static HtmlNode CloseOpen(HtmlNode current, string name, HashSet<string> stopAt)
    {
        for (var node = current; node.Parent is not null; node = node.Parent)
        {
            if (node.Name == name)
            {
                return node.Parent;
            }

            if (node.Name is { } n && stopAt.Contains(n))
            {
                break;
            }
        }

        return current;
    }

    private static (string Name, int After) ReadName(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_'))
        {
            end++;
        }

        return (html[start..end].ToLowerInvariant(), end);
    }

    private static (Dictionary<string, string> Attributes, bool SelfClosing, int End) ReadAttributes(string html, int i)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return (attributes, selfClosing, i + 1);
            }

            if (char.IsWhiteSpace(c) || c == '/')
            {
                selfClosing = c == '/';
                i++;
                continue;
            }

            selfClosing = false;
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    close = close < 0 ? html.Length : close;
                    value = html[(i + 1)..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            if (name.Length > 0)
            {
                attributes.TryAdd(name, WebUtility.HtmlDecode(value));
            }
        }

        return (attributes, selfClosing, html.Length);
    }

    private static int IndexOfCloseTag(string html, string name, int from)
    {
        var needle = "</" + name;
        var index = from;
        while (true)
        {
            index = html.IndexOf(needle, index, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return -1;
            }

            var after = index + needle.Length;
            if (after >= html.Length || !char.IsAsciiLetterOrDigit(html[after]))
            {
                return index;
            }

            index = after;
        }
    }
}

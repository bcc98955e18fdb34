using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// AngleSharp helpers the readers share. Walks are iterative (explicit stacks): scraped pages can nest tens of
/// thousands of unclosed elements, which would overflow a recursive walk.
/// </summary>
internal static class HtmlDom
{
    // Scripting off: <noscript> content is parsed as markup (and then skipped like the rest of the page furniture).
    private static readonly HtmlParserOptions Options = new() { IsScripting = false };

    /// <exception cref="ArticleRejectedException">The markup nests deeper than <see cref="HtmlNesting.MaxDepth"/> elements.</exception>
    public static IDocument Parse(string html)
    {
        if (HtmlNesting.IsDeeperThan(html))
        {
            throw new ArticleRejectedException(
                $"HTML nests deeper than {HtmlNesting.MaxDepth:N0} elements (thousands of unclosed tags): not parsed, because building a tree that deep takes time that grows with the square of its depth.");
        }

        return new HtmlParser(Options).ParseDocument(html);
    }

    /// <summary>Elements below <paramref name="root"/> in document order, descending only where <paramref name="enter"/> allows.</summary>
    public static IEnumerable<IElement> Elements(INode root, Func<IElement, bool>? enter = null)
    {
        var stack = new Stack<INode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            if (stack.Pop() is not IElement element)
            {
                continue;
            }

            yield return element;
            if (enter is null || enter(element))
            {
                PushChildren(stack, element);
            }
        }
    }

    public static IEnumerable<IElement> Elements(INode root, string localName) =>
        Elements(root).Where(e => e.LocalName == localName);

    public static string? Attribute(this IElement element, string name) => element.GetAttribute(name);

    /// <summary>Whether the class, id or role attribute contains one of the tokens (split on spaces, '-' and '_').</summary>
    public static bool HasMarker(this IElement element, IReadOnlySet<string> markers)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["class", "id", "role"])
        {
            if (element.GetAttribute(attribute) is { Length: > 0 } value)
            {
                foreach (var token in value.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (markers.Contains(token))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Hidden from readers: the hidden attribute, aria-hidden="true", or an inline display:none / visibility:hidden.</summary>
    public static bool IsHidden(this IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>All text below the node (scripts and styles excluded), whitespace collapsed.</summary>
    public static string InnerText(INode root)
    {
        if (root is IText text)
        {
            return TextNormalizer.NormalizeLine(text.Data);
        }

        var builder = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                builder.Append(t.Data);
            }
            else if (node is IElement e && e.LocalName is not ("script" or "style" or "template"))
            {
                // Inline elements join their text ("Metroid</a>, One"); line breaks and blocks separate it.
                if (e.LocalName is "br" or "p" or "div" or "li" or "td" or "th" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                {
                    builder.Append(' ');
                }

                PushChildren(stack, e);
            }
        }

        return TextNormalizer.NormalizeLine(builder.ToString());
    }

    internal static void PushChildren(Stack<INode> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push(children[i]);
        }
    }
}

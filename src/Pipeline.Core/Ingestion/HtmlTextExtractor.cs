using System.Text;
using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The readable text of the blocks <see cref="MainContentFinder"/> chose: block elements become paragraphs, &lt;br&gt;
/// a line break, table cells are separated by a space. Left out: what is never text (<see cref="PageFurniture"/>),
/// headers and footers outside the article, furniture-marked elements that are a minor part of the content, and
/// link lists (blocks with few commas and mostly link text, as Readability's conditional clean-up does).
/// </summary>
internal static class HtmlTextExtractor
{
    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "address", "hr", "body", "center", "details", "summary",
    ];

    private const int MaxFurnitureText = 2000;

    private static readonly HashSet<string> ConditionalBlocks = ["div", "section", "ul", "ol", "table", "dl"];

    /// <summary>The text of one element (an HTML fragment, a whole body), with no content filtering beyond furniture.</summary>
    public static string Text(IElement root) => Text([root], TextStats.Compute(root), cleanConditionally: false);

    public static string Text(IReadOnlyList<IElement> blocks, TextStats stats, bool cleanConditionally)
    {
        var builder = new StringBuilder();
        var contentText = blocks.Sum(b => stats[b].Text);
        foreach (var block in blocks)
        {
            builder.Append("\n\n");
            Append(block, builder, stats, contentText, cleanConditionally);
        }

        return builder.ToString();
    }

    private static void Append(IElement root, StringBuilder builder, TextStats stats, int contentText, bool cleanConditionally)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        var preformatted = 0;
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                builder.Append(preformatted > 0 ? text.Data : CollapseSpaces(text.Data));
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (exit)
            {
                if (name == "pre")
                {
                    preformatted--;
                }

                builder.Append(BlockElements.Contains(name) ? "\n\n" : name is "td" or "th" ? " " : "");
                continue;
            }

            if (!ReferenceEquals(element, root) && Skip(element, stats, contentText, cleanConditionally))
            {
                continue;
            }

            if (name == "br")
            {
                builder.Append('\n');
                continue;
            }

            if (BlockElements.Contains(name))
            {
                builder.Append("\n\n");
            }

            if (name == "pre")
            {
                preformatted++;
            }

            stack.Push((element, true));
            PushChildren(stack, element);
        }
    }

    private static void PushChildren(Stack<(INode, bool)> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    private static bool Skip(IElement element, TextStats stats, int contentText, bool cleanConditionally)
    {
        if (PageFurniture.IsNeverText(element) || PageFurniture.IsChromeOutsideArticle(element))
        {
            return true;
        }

        var s = stats[element];
        // Furniture by name (share bars, related boxes) is small: a wrapper named "has-sidebar" or a section whose id
        // says "sharing-with-others" holds article text.
        if (PageFurniture.HasFurnitureMarker(element) && s.Text < MaxFurnitureText && s.Text * 2 < contentText)
        {
            return true;
        }

        if (cleanConditionally && ConditionalBlocks.Contains(element.LocalName) && s.Commas < 10 && s.Text > 0)
        {
            // Readability's conditional clean-up: furniture by class name, link blocks. A list is judged only by its
            // links (over half of its text), and so its links do not condemn the block around it either: a grid of
            // cards, each a paragraph and a "Learn more" link, is judged by the links outside its lists.
            var weight = MainContentFinder.ClassWeight(element);
            var isList = element.LocalName is "ul" or "ol";
            return weight < 0 || (!isList && weight < 25 && LinkDensityOutsideLists(element, stats) > 0.2) || s.LinkDensity > 0.5;
        }

        return false;
    }

    private static double LinkDensityOutsideLists(IElement element, TextStats stats)
    {
        var s = stats[element];
        var link = s.Link;
        foreach (var list in HtmlDom.Elements(element, e => e.LocalName is not ("ul" or "ol")))
        {
            if (list.LocalName is "ul" or "ol")
            {
                link -= stats[list].Link;
            }
        }

        return s.Text == 0 ? 0 : (double)link / s.Text;
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (space)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}

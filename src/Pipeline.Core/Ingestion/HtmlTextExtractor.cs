using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The readable text of a page: the &lt;article&gt; with most text, else &lt;main&gt;, else the body — leaving out
/// navigation, headers and footers outside the article, asides, forms, scripts, figures, hidden elements and
/// elements whose class or id marks them as page furniture. Block elements become paragraphs.
/// </summary>
internal static partial class HtmlTextExtractor
{
    private static readonly HashSet<string> SkippedElements =
    [
        "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "select", "textarea",
        "iframe", "figure", "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "head", "title", "dialog", "menu",
    ];

    // Page chrome that sits outside the article's own element.
    private static readonly HashSet<string> SkippedOutsideArticle = ["header", "footer"];

    private static readonly HashSet<string> FurnitureMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social", "newsletter",
        "related", "recommended", "comments", "comment", "advert", "advertisement", "ad", "ads", "promo", "subscribe",
        "subscription", "cookie", "cookies", "banner", "sidebar", "footer", "byline", "paywall", "signup", "popup", "modal",
        "caption", "credit", "tags", "toolbar", "skip", "meta", "dateline", "timestamp",
    };

    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "address", "hr", "body", "center", "details", "summary",
    ];

    public static HtmlNode MainContent(HtmlNode document)
    {
        var article = document.Elements("article")
            .Where(a => !a.HasMarker(FurnitureMarkers))
            .Select(a => (Node: a, Length: Text(a).Length))
            .Where(a => a.Length > 0)
            .OrderByDescending(a => a.Length)
            .Select(a => a.Node)
            .FirstOrDefault();

        return article
            ?? document.Elements("main").FirstOrDefault()
            ?? document.Descendants().FirstOrDefault(n => string.Equals(n.Attribute("role"), "main", StringComparison.OrdinalIgnoreCase))
            ?? document.Elements("body").FirstOrDefault()
            ?? document;
    }

    public static string Text(HtmlNode root)
    {
        var builder = new StringBuilder();
        var insideArticle = root.Name is "article" or "main" || root.Attribute("role") == "main";
        Append(root, builder, insideArticle, preformatted: false, rootTextLength: root.InnerText().Length);
        return builder.ToString();
    }

    private static void Append(HtmlNode node, StringBuilder builder, bool insideArticle, bool preformatted, int rootTextLength)
    {
        foreach (var child in node.Children)
        {
            if (child.IsText)
            {
                builder.Append(preformatted ? child.Text : CollapseSpaces(child.Text));
                continue;
            }

            var name = child.Name!;
            if (SkippedElements.Contains(name) || (!insideArticle && SkippedOutsideArticle.Contains(name))
                || IsFurniture(child, rootTextLength) || child.Attributes.ContainsKey("hidden")
                || string.Equals(child.Attribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name == "br")
            {
                builder.Append('\n');
                continue;
            }

            var block = BlockElements.Contains(name);
            if (block)
            {
                builder.Append("\n\n");
            }

            Append(child, builder, insideArticle || name is "article" or "main", preformatted || name == "pre", rootTextLength);
            if (block)
            {
                builder.Append("\n\n");
            }
            else if (name is "td" or "th")
            {
                builder.Append(' ');
            }
        }
    }

    // A class like "page has-sidebar" on a wrapper must not discard the article: furniture is a minor part of the page.
    private static bool IsFurniture(HtmlNode element, int rootTextLength) =>
        element.HasMarker(FurnitureMarkers) && element.InnerText().Length * 2 < rootTextLength;

    private static string CollapseSpaces(string text) => WhitespaceRun().Replace(text, " ");

    [GeneratedRegex(@"[ \t\r\n\f]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRun();
}

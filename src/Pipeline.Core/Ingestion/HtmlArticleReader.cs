using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// An article page: metadata from the head (Open Graph, article:*, JSON-LD, canonical link) and the main text from
/// the page's &lt;article&gt; (the one with most text), else &lt;main&gt;, else the body — leaving out navigation,
/// headers, footers, asides, forms, scripts, figures and elements whose class or id marks them as page furniture.
/// </summary>
internal static partial class HtmlArticleReader
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

    private static readonly HashSet<string> BylineMarkers = new(StringComparer.OrdinalIgnoreCase) { "byline", "author" };

    private static readonly HashSet<string> BlockElements =
    [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "address", "hr", "body", "center", "details", "summary",
    ];

    public static ContentFields Read(string html)
    {
        var document = HtmlTreeBuilder.Parse(html);
        var meta = MetaTags(document);
        var jsonLd = JsonLdArticle.Find(document);
        var main = MainContent(document);

        var siteName = Meta(meta, "og:site_name", "application-name") ?? jsonLd?.Publisher;
        var h1 = (main.Elements("h1").FirstOrDefault() ?? document.Elements("h1").FirstOrDefault())?.InnerText();
        var title = Meta(meta, "og:title", "twitter:title")
            ?? StripSiteSuffix(document.Elements("title").FirstOrDefault()?.InnerText(), siteName)
            ?? NonEmpty(h1)
            ?? jsonLd?.Headline;

        return new ContentFields
        {
            Body = BodyText(main),
            Title = title,
            DisplayedHeadline = NonEmpty(h1),
            Author = ArticleFields.Author(Meta(meta, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator"))
                ?? jsonLd?.Author
                ?? Byline(main) ?? Byline(document),
            Published = Meta(meta, "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                    "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date")
                ?? jsonLd?.DatePublished
                ?? FirstTime(main) ?? FirstTime(document),
            Url = CanonicalLink(document) ?? Meta(meta, "og:url") ?? jsonLd?.Url,
            Source = siteName,
            Language = document.Elements("html").FirstOrDefault()?.Attribute("lang") ?? Meta(meta, "og:locale", "language", "content-language"),
        };
    }

    /// <summary>The text of an HTML fragment (e.g. a JSON body holding HTML), paragraphs separated by blank lines.</summary>
    public static string FragmentText(string html) => BodyText(HtmlTreeBuilder.Parse(html));

    public static bool LooksLikeHtml(string text) => HtmlBlockTag().IsMatch(text);

    private static Dictionary<string, string> MetaTags(HtmlNode document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.Elements("meta"))
        {
            var key = meta.Attribute("property") ?? meta.Attribute("name") ?? meta.Attribute("itemprop") ?? meta.Attribute("http-equiv");
            var content = meta.Attribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                tags.TryAdd(key.Trim(), content.Trim());
            }
        }

        return tags;
    }

    private static string? Meta(Dictionary<string, string> tags, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (tags.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static HtmlNode MainContent(HtmlNode document)
    {
        var article = document.Elements("article")
            .Where(a => !a.HasMarker(FurnitureMarkers))
            .Select(a => (Node: a, Length: BodyText(a).Length))
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

    private static string BodyText(HtmlNode root)
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

    private static string? Byline(HtmlNode root)
    {
        foreach (var node in root.Descendants())
        {
            if (node.IsText)
            {
                continue;
            }

            var isByline = node.HasMarker(BylineMarkers)
                || string.Equals(node.Attribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
                || string.Equals(node.Attribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase);
            if (isByline && ArticleFields.Author(node.InnerText()) is { Length: <= 100 } author)
            {
                return author;
            }
        }

        return null;
    }

    private static string? FirstTime(HtmlNode root) =>
        root.Elements("time").Select(t => t.Attribute("datetime")).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));

    private static string? CanonicalLink(HtmlNode document) =>
        document.Elements("link")
            .Where(l => l.Attribute("rel")?.Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase) == true)
            .Select(l => l.Attribute("href"))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    // "Headline | Site" or "Headline - Site": drop the suffix when it is the site's name or the separator is a bar.
    private static string? StripSiteSuffix(string? title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — ", " :: "])
        {
            var index = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var suffix = title[(index + separator.Length)..].Trim();
            if (separator == " | " || string.Equals(suffix, siteName, StringComparison.OrdinalIgnoreCase))
            {
                return title[..index].Trim();
            }
        }

        return title;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"[ \t\r\n\f]+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"<(?:p|div|br|h[1-6]|article|section|span|a|em|strong|ul|li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBlockTag();
}

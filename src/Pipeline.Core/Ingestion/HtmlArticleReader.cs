using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// An article page: title, author, date, URL, site and language from the markup (Open Graph, article:*, JSON-LD,
/// canonical link, &lt;title&gt;, &lt;h1&gt;, bylines, &lt;time&gt;); the text comes from <see cref="HtmlTextExtractor"/>.
/// </summary>
internal static partial class HtmlArticleReader
{
    private static readonly HashSet<string> BylineMarkers = new(StringComparer.OrdinalIgnoreCase) { "byline", "author" };

    public static ContentFields Read(string html)
    {
        var document = HtmlTreeBuilder.Parse(html);
        var meta = MetaTags(document);
        var jsonLd = JsonLdArticle.Find(document);
        var main = HtmlTextExtractor.MainContent(document);

        var siteName = Meta(meta, "og:site_name", "application-name") ?? jsonLd?.Publisher;
        var h1 = (main.Elements("h1").FirstOrDefault() ?? document.Elements("h1").FirstOrDefault())?.InnerText();
        var title = Meta(meta, "og:title", "twitter:title")
            ?? StripSiteSuffix(document.Elements("title").FirstOrDefault()?.InnerText(), siteName)
            ?? NonEmpty(h1)
            ?? jsonLd?.Headline;

        return new ContentFields
        {
            Body = HtmlTextExtractor.Text(main),
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
    public static string FragmentText(string html) => HtmlTextExtractor.Text(HtmlTreeBuilder.Parse(html));

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

    [GeneratedRegex(@"<(?:p|div|br|h[1-6]|article|section|span|a|em|strong|ul|li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBlockTag();
}

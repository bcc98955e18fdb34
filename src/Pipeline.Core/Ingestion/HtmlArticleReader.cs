using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// An article page, parsed by AngleSharp (HTML5 tree building: entities, implied end tags, broken markup).
/// The body text comes from <see cref="MainContentFinder"/> and <see cref="HtmlTextExtractor"/>; the headline from
/// <see cref="HtmlTitle"/>; author, date, URL, site and language from the markup (Open Graph, article:*, JSON-LD,
/// canonical link, bylines, &lt;time&gt;).
/// </summary>
internal static partial class HtmlArticleReader
{
    private static readonly HashSet<string> BylineMarkers = new(StringComparer.OrdinalIgnoreCase) { "byline", "author" };

    public static ContentFields Read(string html)
    {
        var document = HtmlDom.Parse(html);
        var meta = MetaTags(document);
        var jsonLd = JsonLdArticle.Find(document);
        var body = document.Body ?? document.DocumentElement;
        var stats = TextStats.Compute(body);
        var (blocks, text) = MainContentFinder.Extract(body, stats);
        // Never fail a page that has a body: when the chosen blocks hold nothing but boilerplate, take the whole body.
        if (!ReferenceEquals(blocks[0], body) && BoilerplateFilter.Clean(text).Paragraphs.Count == 0)
        {
            blocks = [body];
            text = HtmlTextExtractor.Text(blocks, stats, cleanConditionally: false);
        }

        // Pages rendered by script often show only a teaser in their markup while JSON-LD carries the whole articleBody.
        if (jsonLd?.ArticleBody is { } articleBody && TextStats.Count(articleBody).Text > 2 * TextStats.Count(text).Text)
        {
            text = LooksLikeHtml(articleBody) ? FragmentText(articleBody) : articleBody;
        }

        text = DescriptionLead.Prepend(Meta(meta, "description", "og:description", "twitter:description"), TrailingLabels.Trim(text), body);
        var siteName = Meta(meta, "og:site_name", "application-name") ?? jsonLd?.Publisher;
        var url = CanonicalLink(document) ?? Meta(meta, "og:url") ?? jsonLd?.Url;
        var h1 = blocks.SelectMany(b => b.LocalName == "h1" ? [b] : HtmlDom.Elements(b, "h1")).FirstOrDefault()
            ?? HtmlDom.Elements(body, "h1").FirstOrDefault();
        var headline = NonEmpty(h1 is null ? null : HtmlDom.InnerText(h1));
        var title = HtmlTitle.Choose(new HtmlTitle.Sources(
            Meta(meta, "og:title", "twitter:title"),
            jsonLd?.Headline,
            NonEmpty(document.Head is { } head ? HtmlDom.Elements(head, "title").Select(HtmlDom.InnerText).FirstOrDefault() : null),
            headline,
            siteName,
            ArticleFields.HostOf(ArticleFields.Url(url))));

        return new ContentFields
        {
            Body = text,
            Title = title,
            DisplayedHeadline = headline,
            Author = ArticleFields.Author(Meta(meta, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator"))
                ?? jsonLd?.Author
                ?? blocks.Select(Byline).FirstOrDefault(a => a is not null) ?? Byline(body),
            Published = Meta(meta, "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                    "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date")
                ?? jsonLd?.DatePublished
                ?? blocks.Select(FirstTime).FirstOrDefault(t => t is not null) ?? FirstTime(body),
            Url = url,
            Source = siteName,
            Language = document.DocumentElement.GetAttribute("lang") ?? Meta(meta, "og:locale", "language", "content-language"),
        };
    }

    /// <summary>The text of an HTML fragment (e.g. a JSON body holding HTML), paragraphs separated by blank lines.</summary>
    public static string FragmentText(string html)
    {
        var document = HtmlDom.Parse(html);
        return HtmlTextExtractor.Text(document.Body ?? document.DocumentElement);
    }

    public static bool LooksLikeHtml(string text) => HtmlBlockTag().IsMatch(text);

    private static Dictionary<string, string> MetaTags(IDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
            var content = meta.GetAttribute("content");
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

    private static string? Byline(IElement root)
    {
        foreach (var element in HtmlDom.Elements(root, e => !PageFurniture.IsNeverText(e)))
        {
            var isByline = element.HasMarker(BylineMarkers)
                || string.Equals(element.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
                || string.Equals(element.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase);
            if (isByline && ArticleFields.Author(HtmlDom.InnerText(element)) is { Length: <= 100 } author)
            {
                return author;
            }
        }

        return null;
    }

    private static string? FirstTime(IElement root) =>
        HtmlDom.Elements(root, "time").Select(t => t.GetAttribute("datetime")).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));

    private static string? CanonicalLink(IDocument document) =>
        document.QuerySelectorAll("link")
            .Where(l => l.GetAttribute("rel")?.Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase) == true)
            .Select(l => l.GetAttribute("href"))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"<(?:p|div|br|h[1-6]|article|section|span|a|em|strong|ul|li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBlockTag();
}

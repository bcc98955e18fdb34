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
    private const int MaxMastheadWords = 3;
    private const int MaxMarkedAuthors = 5;
    private const int MaxAuthorWords = 4;

    private static readonly char[] KickerSeparators = [' ', ':', '-', '–', '—', '|', '·', '•'];

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
        var ogTitle = Meta(meta, "og:title", "twitter:title");
        var titleTag = NonEmpty(document.Head is { } head ? HtmlDom.Elements(head, "title").Select(HtmlDom.InnerText).FirstOrDefault() : null);
        var headline = Headline(blocks, body, [ogTitle, jsonLd?.Headline, titleTag]);
        var author = ArticleFields.Author(Meta(meta, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator"))
            ?? jsonLd?.Author
            ?? blocks.Select(Byline).FirstOrDefault(a => a is not null) ?? Byline(body);
        // Names a title may be decorated with besides og:site_name: a short masthead <h1> outside the article ("· V8").
        var mastheads = HtmlDom.Elements(body, "h1").Where(e => !blocks.Any(b => b.Contains(e))).Select(HtmlDom.InnerText)
            .Where(m => BoilerplateRules.WordCount(m) <= MaxMastheadWords);
        var title = HtmlTitle.Choose(new HtmlTitle.Sources(
            ogTitle,
            jsonLd?.Headline,
            titleTag,
            headline,
            siteName,
            ArticleFields.HostOf(ArticleFields.Url(url)),
            [.. new[] { author, jsonLd?.Publisher, Meta(meta, "application-name") }.OfType<string>(), .. mastheads, .. MarkedAuthors(body)]));

        return new ContentFields
        {
            Body = text,
            Title = title,
            DisplayedHeadline = headline,
            Author = author,
            Published = Meta(meta, "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                    "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date")
                ?? jsonLd?.DatePublished
                ?? blocks.Select(FirstTime).FirstOrDefault(t => t is not null) ?? FirstTime(body),
            Url = url,
            Source = siteName,
            Language = document.DocumentElement.GetAttribute("lang") ?? Meta(meta, "og:locale", "language", "content-language"),
        };
    }

    // The <h1> the page shows for the article: in the chosen blocks; else the first one a title source corroborates
    // (the article header often sits outside the body's container, after a masthead <h1>); else the first.
    private static string? Headline(IReadOnlyList<IElement> blocks, IElement body, string?[] titles)
    {
        var inBlocks = blocks.SelectMany(b => b.LocalName == "h1" ? [b] : HtmlDom.Elements(b, "h1")).FirstOrDefault();
        if (inBlocks is not null)
        {
            return NonEmpty(HeadlineText(inBlocks));
        }

        var all = HtmlDom.Elements(body, "h1").Select(h => NonEmpty(HeadlineText(h))).OfType<string>().ToList();
        return all.FirstOrDefault(h => titles.OfType<string>().Any(t => HtmlTitle.Corroborates(t, h))) ?? all.FirstOrDefault();
    }

    // An <h1> may open with a kicker in its own element ("<span class=overline>Topic</span>Headline"), which
    // styling shows on a line of its own: it is not part of the headline.
    private static string HeadlineText(IElement h1)
    {
        var parts = h1.ChildNodes.Where(n => n is not IElement e || !KickerName().IsMatch(e.GetAttribute("class") ?? "")).ToList();
        // The separator the kicker leaves (": Headline", "- Headline") goes with it.
        var text = parts.Count == h1.ChildNodes.Length ? "" : string.Join(" ", parts.Select(HtmlDom.InnerText)).TrimStart(KickerSeparators).Trim();
        return text.Length > 0 ? text : HtmlDom.InnerText(h1);
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

    // Authors the markup names anywhere, sidebars included: not the byline, but a title may end with one.
    private static IEnumerable<string> MarkedAuthors(IElement body) =>
        body.QuerySelectorAll("[itemprop~=author], [rel~=author]").Take(MaxMarkedAuthors).Select(HtmlDom.InnerText)
            .Where(a => a.Length > 0 && BoilerplateRules.WordCount(a) <= MaxAuthorWords);

    private static string? FirstTime(IElement root) =>
        HtmlDom.Elements(root, "time").Select(t => t.GetAttribute("datetime")).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));

    private static string? CanonicalLink(IDocument document) =>
        document.QuerySelectorAll("link")
            .Where(l => l.GetAttribute("rel")?.Split(' ').Contains("canonical", StringComparer.OrdinalIgnoreCase) == true)
            .Select(l => l.GetAttribute("href"))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex("kicker|overline|topline|dachzeile|eyebrow|roofline|supertitle", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KickerName();

    [GeneratedRegex(@"<(?:p|div|br|h[1-6]|article|section|span|a|em|strong|ul|li)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBlockTag();
}

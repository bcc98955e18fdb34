using Pipeline.Core.Articles;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Uploaded bytes to a <see cref="ParsedArticle"/>: decode (<see cref="ArticleDecoder"/>), detect the format
/// (<see cref="FormatDetector"/>), read it (plain text, HTML, JSON, Markdown), remove scraper boilerplate
/// (<see cref="BoilerplateFilter"/>), resolve the title (<see cref="TitleResolver"/>) and let the uploader's blob
/// metadata override what the content says. Stateless and thread-safe.
/// </summary>
public sealed class ArticleParser : IArticleParser
{
    public ParsedArticle Parse(RawArticle raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = TextNormalizer.NormalizeLineEndings(ArticleDecoder.Decode(raw.Content.Span, raw.ContentType));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleRejectedException("Article is empty: the file contains only whitespace.");
        }

        var format = FormatDetector.Detect(raw.ContentType, raw.Blob.Name, text);
        var content = format switch
        {
            ArticleFormat.Html => HtmlArticleReader.Read(text),
            ArticleFormat.Json => JsonArticleReader.Read(text),
            ArticleFormat.Markdown => MarkdownArticleReader.Read(text),
            _ => PlainTextReader.Read(text),
        };

        var metadata = BlobMetadata.From(raw.Metadata);
        var cleaned = BoilerplateFilter.Clean(content.Body);
        var titled = TitleResolver.Resolve(metadata.Title, content.Title, cleaned, content.FirstLineMayBeHeadline, content.DisplayedHeadline);
        if (titled.Paragraphs.Count == 0)
        {
            throw new ArticleRejectedException(cleaned.Paragraphs.Count == 0
                ? "Article is empty: no body text remains after removing page furniture and boilerplate (browser notices, image credits, banners, navigation)."
                : "Article is empty: it has a title but no body text.");
        }

        var url = ArticleFields.Url(metadata.Url) ?? ArticleFields.Url(content.Url);
        var published = PublishedDate(metadata, content, cleaned, raw.Blob.Name);
        var source = Outlet(metadata, content, format, url, raw.Blob.Name);
        return new ParsedArticle
        {
            Title = titled.Title,
            IsTitleDerived = titled.IsDerived,
            Body = TextNormalizer.Join(titled.Paragraphs),
            Format = format.Code(),
            Author = ArticleFields.Author(metadata.Author) ?? ArticleFields.Author(content.Author) ?? ArticleFields.Author(cleaned.Author),
            PublishedAt = published?.Date,
            DateSource = published?.From ?? DateSource.Upload,
            Url = url,
            Source = source?.Name,
            SourceOrigin = source?.From,
            LanguageHint = ArticleFields.Language(metadata.Language) ?? ArticleFields.Language(content.Language),
        };
    }

    // In the order of the uploader's intent: what they declared, what the page declares, how they named the file,
    // what the text says. None found: the caller files the article under its upload time and says so.
    private static (DateTimeOffset Date, DateSource From)? PublishedDate(BlobMetadata metadata, ContentFields content, CleanedBody cleaned, string blobName) =>
        PublishedDateParser.Parse(metadata.Published) is { } declared ? (declared, DateSource.Metadata)
        : PublishedDateParser.Parse(content.Published) is { } page ? (page, DateSource.Page)
        : BlobPathHints.Date(blobName) is { } path ? (path, DateSource.Path)
        : PublishedDateParser.Parse(cleaned.Published) is { } text ? (text, DateSource.Text)
        : null;

    // A JSON or front-matter "source" is a field the uploader's own tool wrote, so it is taken as declared. An HTML
    // page's site name is the publisher's display name: the canonical URL's host comes first there, so one outlet
    // keeps one key ("nbcnews.com") whether or not a page also carries a name ("NBC News").
    private static (string Name, SourceOrigin From)? Outlet(BlobMetadata metadata, ContentFields content, ArticleFormat format, string? url, string blobName)
    {
        var declared = ArticleFields.Text(content.Source) is { } page ? (page, SourceOrigin.Page) : ((string, SourceOrigin)?)null;
        var structured = format is ArticleFormat.Json or ArticleFormat.Markdown;
        return ArticleFields.Text(metadata.Source) is { } uploader ? (uploader, SourceOrigin.Metadata)
            : structured && declared is not null ? declared
            : ArticleFields.HostOf(url) is { } host ? (host, SourceOrigin.Url)
            : BlobPathHints.Source(blobName) is { } folder ? (folder, SourceOrigin.Path)
            : declared;
    }
}

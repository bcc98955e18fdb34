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
        return new ParsedArticle
        {
            Title = titled.Title,
            IsTitleDerived = titled.IsDerived,
            Body = TextNormalizer.Join(titled.Paragraphs),
            Format = format.Code(),
            Author = ArticleFields.Author(metadata.Author) ?? ArticleFields.Author(content.Author) ?? ArticleFields.Author(cleaned.Author),
            PublishedAt = PublishedDateParser.Parse(metadata.Published) ?? PublishedDateParser.Parse(content.Published) ?? PublishedDateParser.Parse(cleaned.Published),
            Url = url,
            Source = ArticleFields.Text(metadata.Source) ?? ArticleFields.Text(content.Source) ?? ArticleFields.HostOf(url),
            LanguageHint = ArticleFields.Language(metadata.Language) ?? ArticleFields.Language(content.Language),
        };
    }
}

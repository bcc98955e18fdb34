using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Picks the reader for a blob: the declared content type wins, then the file extension, then a look at the text.
/// Generic types (application/octet-stream, none) are not a declaration, so they fall through.
/// </summary>
internal static partial class FormatDetector
{
    public static ArticleFormat Detect(string? contentType, string blobName, string text) =>
        FromContentType(contentType) ?? FromExtension(blobName) ?? Sniff(text);

    internal static ArticleFormat? FromContentType(string? contentType)
    {
        var mediaType = ContentTypeHeader.MediaType(contentType);
        return mediaType switch
        {
            "text/html" or "application/xhtml+xml" => ArticleFormat.Html,
            "application/json" or "text/json" or "application/ld+json" => ArticleFormat.Json,
            "text/markdown" or "text/x-markdown" => ArticleFormat.Markdown,
            "text/plain" => ArticleFormat.Text,
            _ when mediaType?.EndsWith("+json", StringComparison.Ordinal) == true => ArticleFormat.Json,
            _ => null,
        };
    }

    internal static ArticleFormat? FromExtension(string blobName)
    {
        var extension = Path.GetExtension(blobName).ToUpperInvariant();
        return extension switch
        {
            ".HTML" or ".HTM" or ".XHTML" => ArticleFormat.Html,
            ".JSON" => ArticleFormat.Json,
            ".MD" or ".MARKDOWN" => ArticleFormat.Markdown,
            ".TXT" or ".TEXT" => ArticleFormat.Text,
            _ => null,
        };
    }

    internal static ArticleFormat Sniff(string text)
    {
        var start = text.AsSpan().TrimStart();
        // "[" also opens scraped credit lines ("[Photo by ...]"), so an array must look like one.
        if (start.StartsWith("{") || (start.StartsWith("[") && start[1..].TrimStart() is [ '{' or '"' or '[' or ']', ..]))
        {
            return ArticleFormat.Json;
        }

        if (start.StartsWith("<") && HtmlMarker().IsMatch(text))
        {
            return ArticleFormat.Html;
        }

        if (start.StartsWith("---\n") || MarkdownMarker().IsMatch(text))
        {
            return ArticleFormat.Markdown;
        }

        return ArticleFormat.Text;
    }

    [GeneratedRegex(@"<(?:!doctype\s+html|html|head|body|p|div|article|h1|title|meta)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlMarker();

    // An ATX heading at the start of a line, or an inline link/image: plain text rarely has either.
    [GeneratedRegex(@"(?m)^#{1,6}[ \t]+\S|!?\[[^\]\n]+\]\([^)\s]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownMarker();
}

namespace Pipeline.Core.Ingestion;

/// <summary>The input formats users upload; <see cref="ArticleFormats.Code"/> is what ParsedArticle.Format stores.</summary>
internal enum ArticleFormat
{
    Text,
    Html,
    Json,
    Markdown,
}

internal static class ArticleFormats
{
    public static string Code(this ArticleFormat format) => format switch
    {
        ArticleFormat.Html => "html",
        ArticleFormat.Json => "json",
        ArticleFormat.Markdown => "md",
        _ => "txt",
    };
}

using Pipeline.Core.Articles;

namespace Pipeline.Core.Ingestion;

// PLACEHOLDER: replaced by the ingestion work (txt/html/json/md, boilerplate removal, encodings).
public sealed class ArticleParser : IArticleParser
{
    public ParsedArticle Parse(RawArticle raw) => throw new NotImplementedException();
}

using Pipeline.Core.Articles;

namespace Pipeline.Core.Ingestion;

/// <summary>Turns uploaded bytes into a <see cref="ParsedArticle"/>.</summary>
public interface IArticleParser
{
    /// <exception cref="ArticleRejectedException">The input can never be parsed (empty, binary, undecodable...).</exception>
    ParsedArticle Parse(RawArticle raw);
}

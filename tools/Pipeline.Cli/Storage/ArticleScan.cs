using System.Runtime.CompilerServices;
using Pipeline.Core.Queries;

namespace Pipeline.Cli.Storage;

/// <summary>Every article a query matches, page after page (the query API's listing, newest first).</summary>
internal static class ArticleScan
{
    public static async IAsyncEnumerable<ArticleSummary> AllAsync(
        this IArticleQueries queries, ArticleQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = query with { Top = ArticleQuery.MaxTop, ContinuationToken = null };
        while (true)
        {
            var result = await queries.ListArticlesAsync(page, cancellationToken);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            if (result.ContinuationToken is null)
            {
                yield break;
            }

            page = page with { ContinuationToken = result.ContinuationToken };
        }
    }
}

using Pipeline.Core.Articles;

namespace Pipeline.Core.Queries;

/// <summary>The read side of article storage, shaped for the HTTP query API. No query scans the whole store.</summary>
public interface IArticleQueries
{
    /// <summary>The full record, analysis and text included; null if unknown.</summary>
    Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Articles newest first, filtered and paged.</summary>
    Task<Page<ArticleSummary>> ListArticlesAsync(ArticleQuery query, CancellationToken cancellationToken);

    /// <summary>The entity leaderboard: most articles first, then most mentions.</summary>
    Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken);

    /// <summary>One entity's totals, or null if no stored article mentions it.</summary>
    Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken);

    /// <summary>Entities whose canonical name matches (by slug, any category), most articles first.</summary>
    Task<IReadOnlyList<EntitySummary>> FindEntitiesByNameAsync(string name, CancellationToken cancellationToken);
}

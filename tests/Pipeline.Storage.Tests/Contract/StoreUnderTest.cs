using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>A results store as the contract suites see it: both sides of it, plus what it can tell about itself.</summary>
public sealed class StoreUnderTest(IArticleRepository repository, IArticleQueries queries, Func<string>? diagnostics = null)
    : IArticleRepository, IArticleQueries
{
    /// <summary>The store's coverage aggregates (every results store implements them).</summary>
    public ICoverageStore Coverage => (ICoverageStore)queries;

    /// <summary>The store's story index (every results store keeps one).</summary>
    public IStoryIndex Stories => (IStoryIndex)queries;

    /// <summary>Store-specific counters worth printing (never asserted).</summary>
    public string Diagnostics => diagnostics?.Invoke() ?? "";

    public Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken) => repository.GetStoredVersionAsync(articleId, cancellationToken);

    public Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken) => repository.SaveAsync(record, cancellationToken);

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken) => repository.DeleteAsync(articleId, cancellationToken);

    public Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken) => queries.GetArticleAsync(articleId, cancellationToken);

    public Task<Page<ArticleSummary>> ListArticlesAsync(ArticleQuery query, CancellationToken cancellationToken) => queries.ListArticlesAsync(query, cancellationToken);

    public Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken) => queries.ListEntitiesAsync(query, cancellationToken);

    public Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken) => queries.GetEntityAsync(entityId, cancellationToken);

    public Task<IReadOnlyList<EntitySummary>> FindEntitiesByNameAsync(string name, CancellationToken cancellationToken) => queries.FindEntitiesByNameAsync(name, cancellationToken);
}

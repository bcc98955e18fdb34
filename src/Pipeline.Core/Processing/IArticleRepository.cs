using Pipeline.Core.Articles;

namespace Pipeline.Core.Processing;

/// <summary>The write side of article storage.</summary>
public interface IArticleRepository
{
    /// <summary>The blob version whose results are stored for this article, or null if none.</summary>
    Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the record and every index row for it, replacing whatever an earlier version of the article
    /// left (stale entity rows included). Saving the same record twice leaves exactly one set of rows.
    /// </summary>
    Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken);

    /// <summary>Removes the article and all its index rows. Deleting a missing article is a no-op.</summary>
    Task DeleteAsync(string articleId, CancellationToken cancellationToken);
}

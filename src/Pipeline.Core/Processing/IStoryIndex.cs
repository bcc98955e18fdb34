using Pipeline.Core.Articles;

namespace Pipeline.Core.Processing;

/// <summary>Finds the stored articles that tell one story: the same <see cref="ArticleRecord.ContentHash"/>.</summary>
public interface IStoryIndex
{
    /// <summary>Every stored article with this content hash (failed ones have none), in no particular order.</summary>
    Task<IReadOnlyList<StoryMember>> FindStoryAsync(string contentHash, CancellationToken cancellationToken);

    /// <summary>The content hash of the stored version of an article; null when none is stored or it has none. A cheap read.</summary>
    Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>The stored record (as <see cref="Queries.IArticleQueries.GetArticleAsync"/>): what a copy is re-marked from.</summary>
    Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken);
}

/// <summary>One stored article of a story.</summary>
/// <param name="Uploaded">Its blob's last-modified time: the story's first upload is the one counted.</param>
/// <param name="ProcessedAt">When it was stored: between uploads in the same second (blob times are often whole seconds), the first stored counts.</param>
/// <param name="DuplicateOf">The article it is stored as a duplicate of; null when it is the one counted.</param>
public sealed record StoryMember(string ArticleId, DateTimeOffset Uploaded, DateTimeOffset ProcessedAt, string? DuplicateOf);

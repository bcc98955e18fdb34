using System.Collections.Concurrent;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary><see cref="IArticleRepository"/> in memory: one record per article id, as the contract promises.</summary>
internal sealed class InMemoryArticleRepository : IArticleRepository, IStoryIndex
{
    public Task<IReadOnlyList<StoryMember>> FindStoryAsync(string contentHash, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoryMember>>([.. _records.Values.Where(r => r.ContentHash == contentHash).Select(r => new StoryMember(r.Id, r.Blob.LastModified, r.ProcessedAt, r.DuplicateOf))]);

    public Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault(articleId));

    public Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault(articleId)?.ContentHash);

    private readonly ConcurrentDictionary<string, ArticleRecord> _records = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ArticleRecord> Records => _records;

    public Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(articleId, out var record) ? record.Blob : null);

    public Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[record.Id] = record;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken)
    {
        _records.TryRemove(articleId, out _);
        return Task.CompletedTask;
    }
}

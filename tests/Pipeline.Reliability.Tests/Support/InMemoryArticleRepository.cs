using System.Collections.Concurrent;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary><see cref="IArticleRepository"/> in memory: one record per article id, as the contract promises.</summary>
internal sealed class InMemoryArticleRepository : IArticleRepository
{
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

using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Testing.Aggregates;

namespace Pipeline.Testing.Fakes;

/// <summary>Records every RawArticle the processor hands to the parser; can reject like the real parser does.</summary>
public sealed class RecordingParser : IArticleParser
{
    public ConcurrentQueue<RawArticle> Received { get; } = new();

    /// <summary>When set, every parse fails permanently with this user-facing reason.</summary>
    public string? RejectWith { get; set; }

    public ParsedArticle Parse(RawArticle raw)
    {
        Received.Enqueue(raw);
        if (RejectWith is not null)
        {
            throw new ArticleRejectedException(RejectWith);
        }

        return new ParsedArticle { Title = "Title", Body = Encoding.UTF8.GetString(raw.Content.Span), Format = "txt" };
    }
}

public sealed class FakeTextAnalyzer : ITextAnalyzer
{
    /// <summary>When set, AnalyzeAsync throws it (a transient failure, e.g. HttpRequestException).</summary>
    public Exception? Throw { get; set; }

    public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        if (Throw is not null)
        {
            throw Throw;
        }

        return Task.FromResult(new TextAnalysis
        {
            Analyzer = "fake/1.0",
            Language = new DetectedLanguage("English", "en", 1.0),
            IsScored = true,
        });
    }
}

/// <summary>Keeps records in memory; as queries it serves stored articles by id and empty lists.</summary>
public sealed class FakeArticleRepository : IArticleRepository, IArticleQueries, ICoverageStore, IStoryIndex
{
    /// <summary>Duplicate handling over this store, for a processor under test.</summary>
    public DuplicateStories Duplicates() => new(this, this, NullLogger<DuplicateStories>.Instance);

    public Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.TryGetValue(articleId, out var record) ? record.ContentHash : null);

    public Task<IReadOnlyList<StoryMember>> FindStoryAsync(string contentHash, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoryMember>>([.. Saved.Values.Where(r => r.ContentHash == contentHash).Select(r => new StoryMember(r.Id, r.Blob.LastModified, r.ProcessedAt, r.DuplicateOf))]);

    public ConcurrentDictionary<string, ArticleRecord> Saved { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    public Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.TryGetValue(articleId, out var record) ? record.Blob : null);

    public Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        Saved[record.Id] = record;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken)
    {
        Deleted.Enqueue(articleId);
        Saved.TryRemove(articleId, out _);
        return Task.CompletedTask;
    }

    public Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.TryGetValue(articleId, out var record) ? record : null);

    public Task<Page<ArticleSummary>> ListArticlesAsync(ArticleQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<ArticleSummary>([], null));

    public Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EntitySummary>>([]);

    public Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken) =>
        Task.FromResult<EntitySummary?>(null);

    public Task<IReadOnlyList<EntitySummary>> FindEntitiesByNameAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EntitySummary>>([]);

    public Task<DailyCoverage> ReadDailyAsync(CoverageScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(CoverageRecount.Daily(Saved.Values, scope));

    public Task<IReadOnlyList<SourceCoverage>> ReadSourcesAsync(CoverageScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceCoverage>>([.. CoverageRecount.Sources(Saved.Values, scope).Select(s => new SourceCoverage(s.Key.Length == 0 ? null : s.Key, s.Value))]);

    /// <summary>Not kept by this fake: tests of co-mentions use a real store.</summary>
    public Task<IReadOnlyList<CoMentionCoverage>> ReadCoMentionsAsync(CoverageScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CoMentionCoverage>>([]);

    public Task<CorpusCounts> ReadCountsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(CoverageRecount.Counts([.. Saved.Values]));
}

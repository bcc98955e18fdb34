using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Analysis.Local;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>
/// The processing path every trigger takes, with the real parser and the embedded analyzer over an in-memory
/// repository. The size limit is small so over-size input stays cheap to generate.
/// </summary>
internal sealed class ProcessingPipeline
{
    public const long MaxArticleBytes = 256 * 1024;

    public static readonly DateTimeOffset UploadTime = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public ProcessingPipeline()
    {
        Processor = new ArticleProcessor(
            new ArticleParser(),
            LocalTextAnalyzer.CreateDefault(),
            Repository,
            new DuplicateStories(Repository, Repository, NullLogger<DuplicateStories>.Instance),
            Options.Create(new ProcessingOptions { MaxArticleBytes = MaxArticleBytes }),
            new FakeTimeProvider(UploadTime.AddSeconds(1)),
            NullLogger<ArticleProcessor>.Instance);
    }

    public InMemoryArticleRepository Repository { get; } = new();

    public ArticleProcessor Processor { get; }

    public static RawArticle Raw(string blobName, byte[] content, string? contentType, IReadOnlyDictionary<string, string> metadata, string eTag = "0x1", DateTimeOffset? lastModified = null) =>
        new(new BlobReference("articles", blobName, eTag, lastModified ?? UploadTime), content, contentType, metadata);

    /// <summary>Processes the articles concurrently, as the watcher's workers do, and returns each one's stored record.</summary>
    public async Task<IReadOnlyList<ArticleRecord>> ProcessAllAsync(IEnumerable<RawArticle> articles)
    {
        var list = articles.ToList();
        await Task.WhenAll(list.Select(a => Task.Run(() => Processor.ProcessAsync(a, CancellationToken.None))));
        return [.. list.Select(a => Repository.Records[a.Blob.ArticleId])];
    }
}

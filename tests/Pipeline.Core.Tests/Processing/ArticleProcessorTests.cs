using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;

namespace Pipeline.Core.Tests.Processing;

public sealed class ArticleProcessorTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeRepository _repository = new();
    private readonly FakeParser _parser = new();
    private readonly FakeAnalyzer _analyzer = new();

    [Fact]
    public async Task ProcessAsync_NewBlob_StoresProcessedRecordWithAnalysis()
    {
        var raw = Raw("a.txt", "etag1");

        var outcome = await Processor().ProcessAsync(raw, CancellationToken.None);

        Assert.Equal(ProcessingResult.Stored, outcome.Result);
        var saved = Assert.Single(_repository.Saved);
        Assert.Equal(ArticleStatus.Processed, saved.Status);
        Assert.Equal(raw.Blob.ArticleId, saved.Id);
        Assert.Equal("Parsed title", saved.Title);
        Assert.Equal("Parsed title\n\nBody.", saved.Text);
        Assert.Equal(Now, saved.ProcessedAt);
        Assert.Equal("Parsed title\n\nBody.", _analyzer.Requests.Single().Text);
        Assert.Same(_analyzer.Result, saved.Analysis);
    }

    [Fact]
    public async Task ProcessAsync_PublishedDateMissing_FilesUnderBlobLastModified()
    {
        var raw = Raw("a.txt", "etag1");

        await Processor().ProcessAsync(raw, CancellationToken.None);

        Assert.Equal(raw.Blob.LastModified, _repository.Saved.Single().Timestamp);
    }

    [Fact]
    public async Task ProcessAsync_SameVersionAlreadyStored_WritesNothing()
    {
        var raw = Raw("a.txt", "etag1");
        _repository.Stored[raw.Blob.ArticleId] = raw.Blob;

        var outcome = await Processor().ProcessAsync(raw, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        Assert.Empty(_repository.Saved);
        Assert.Empty(_analyzer.Requests);
    }

    [Fact]
    public async Task ProcessAsync_OlderVersionThanStored_IsIgnored()
    {
        var stored = Raw("a.txt", "new", Now.AddMinutes(-1)).Blob;
        _repository.Stored[stored.ArticleId] = stored;

        var outcome = await Processor().ProcessAsync(Raw("a.txt", "old", Now.AddMinutes(-5)), CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, outcome.Result);
        Assert.Empty(_repository.Saved);
    }

    [Fact]
    public async Task ProcessAsync_NewerVersion_IsProcessed()
    {
        var stored = Raw("a.txt", "old", Now.AddMinutes(-5)).Blob;
        _repository.Stored[stored.ArticleId] = stored;

        var outcome = await Processor().ProcessAsync(Raw("a.txt", "new", Now.AddMinutes(-1)), CancellationToken.None);

        Assert.Equal(ProcessingResult.Stored, outcome.Result);
        Assert.Equal("new", _repository.Saved.Single().Blob.ETag);
    }

    [Fact]
    public async Task ProcessAsync_OverSizeLimit_StoresFailedWithoutParsing()
    {
        var raw = Raw("big.txt", "e", content: new byte[101]);

        var outcome = await Processor(maxBytes: 100).ProcessAsync(raw, CancellationToken.None);

        Assert.Equal(ProcessingResult.Failed, outcome.Result);
        Assert.Contains("101 bytes; the limit is 100 bytes", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Failed, _repository.Saved.Single().Status);
        Assert.Equal(0, _parser.Calls);
    }

    [Fact]
    public async Task ProcessAsync_ParserRejects_StoresFailedWithItsReason()
    {
        _parser.Reject = "Article is empty.";

        var outcome = await Processor().ProcessAsync(Raw("e.txt", "e"), CancellationToken.None);

        Assert.Equal(ProcessingResult.Failed, outcome.Result);
        var saved = _repository.Saved.Single();
        Assert.Equal("Article is empty.", saved.FailureReason);
        Assert.Null(saved.Analysis);
    }

    [Fact]
    public async Task ProcessAsync_AnalyzerRejects_StoresFailedKeepingParsedFields()
    {
        _analyzer.Reject = "InvalidDocument: Document text is empty.";

        var outcome = await Processor().ProcessAsync(Raw("x.txt", "e"), CancellationToken.None);

        Assert.Equal(ProcessingResult.Failed, outcome.Result);
        var saved = _repository.Saved.Single();
        Assert.Equal("Analysis rejected: InvalidDocument: Document text is empty.", saved.FailureReason);
        Assert.Equal("Parsed title", saved.Title);
    }

    [Fact]
    public async Task ProcessAsync_AnalyzerTransientError_Propagates()
    {
        _analyzer.Transient = new HttpRequestException("503");

        await Assert.ThrowsAsync<HttpRequestException>(() => Processor().ProcessAsync(Raw("x.txt", "e"), CancellationToken.None));
        Assert.Empty(_repository.Saved);
    }

    [Fact]
    public async Task ProcessAsync_UnsupportedLanguage_StoresUnscored()
    {
        _analyzer.Result = _analyzer.Result with { IsScored = false, Sentiment = null, Language = new DetectedLanguage("French", "fr", 0.9) };

        var outcome = await Processor().ProcessAsync(Raw("fr.txt", "e"), CancellationToken.None);

        Assert.Equal(ArticleStatus.Unscored, outcome.Status);
        Assert.Equal(ArticleStatus.Unscored, _repository.Saved.Single().Status);
    }

    [Fact]
    public async Task RecordFailureAsync_StoresVisibleFailedRecord()
    {
        var blob = Raw("f.txt", "e").Blob;

        var outcome = await Processor().RecordFailureAsync(blob, "gave up", CancellationToken.None);

        Assert.Equal(ProcessingResult.Failed, outcome.Result);
        Assert.Equal("gave up", _repository.Saved.Single().FailureReason);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheArticleForThatBlob()
    {
        await Processor().DeleteAsync("articles", "d.txt", CancellationToken.None);

        Assert.Equal([ArticleId.For("articles", "d.txt")], _repository.Deleted);
    }

    [Fact]
    public async Task ProcessAsync_SameTextUnderSecondName_StoredAsDuplicateOfTheFirst()
    {
        var first = Raw("nbcnews.com/a.txt", "e1", Now.AddMinutes(-10));
        var second = Raw("copies/a.txt", "e2", Now.AddMinutes(-5));

        await Processor().ProcessAsync(first, CancellationToken.None);
        await Processor().ProcessAsync(second, CancellationToken.None);

        Assert.Equal([(first.Blob.ArticleId, (string?)null), (second.Blob.ArticleId, first.Blob.ArticleId)], _repository.Saved.Select(r => (r.Id, r.DuplicateOf)));
        Assert.Equal(_repository.Saved[0].ContentHash, _repository.Saved[1].ContentHash);
    }

    [Fact]
    public async Task ProcessAsync_EarlierUploadProcessedLast_OtherCopyReMarkedBeforeItIsStored()
    {
        var early = Raw("early.txt", "e1", Now.AddMinutes(-10));
        var late = Raw("late.txt", "e2", Now.AddMinutes(-5));

        await Processor().ProcessAsync(late, CancellationToken.None);
        await Processor().ProcessAsync(early, CancellationToken.None);

        // Re-marked first: a crash before the early copy is stored leaves the story counted at most once.
        Assert.Equal(
            [(late.Blob.ArticleId, (string?)null), (late.Blob.ArticleId, early.Blob.ArticleId), (early.Blob.ArticleId, null)],
            _repository.Saved.Select(r => (r.Id, r.DuplicateOf)));
    }

    [Fact]
    public async Task DeleteAsync_CountedCopy_NextCopyCountsBeforeTheDelete()
    {
        var first = Raw("a.txt", "e1", Now.AddMinutes(-10));
        var second = Raw("b.txt", "e2", Now.AddMinutes(-5));
        await Processor().ProcessAsync(first, CancellationToken.None);
        await Processor().ProcessAsync(second, CancellationToken.None);

        await Processor().DeleteAsync("articles", "a.txt", CancellationToken.None);

        Assert.Equal((second.Blob.ArticleId, (string?)null), (_repository.Saved[^1].Id, _repository.Saved[^1].DuplicateOf));
        Assert.Equal([first.Blob.ArticleId], _repository.Deleted);
        Assert.Equal(3, _repository.Saved.Count);
    }

    [Fact]
    public async Task ProcessAsync_ParsedTextWithoutWords_NoContentHashAndNeverADuplicate()
    {
        _parser.Body = "🙂 🙂";
        await Processor().ProcessAsync(Raw("a.txt", "e1"), CancellationToken.None);
        await Processor().ProcessAsync(Raw("b.txt", "e2"), CancellationToken.None);

        Assert.All(_repository.Saved, r => Assert.Null(r.ContentHash));
        Assert.All(_repository.Saved, r => Assert.Null(r.DuplicateOf));
    }

    [Fact]
    public async Task ProcessAsync_AnyListener_OneArticleSpanWithStageSpansOutcomeAndLag()
    {
        var name = $"telemetry-{Guid.NewGuid():N}.txt";
        var spans = new List<System.Diagnostics.Activity>();
        var measurements = new List<(string Instrument, double Value, string? Tag)>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == PipelineTelemetry.Name) { l.EnableMeasurementEvents(instrument); } },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => { lock (measurements) { measurements.Add((instrument.Name, value, Tag(tags))); } });
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => { lock (measurements) { measurements.Add((instrument.Name, value, Tag(tags))); } });
        meters.Start();

        await Processor().ProcessAsync(Raw(name, "etag1", Now.AddMinutes(-7)), CancellationToken.None);

        var article = Assert.Single(spans, a => a.OperationName == "article" && (string?)a.GetTagItem("pipeline.blob") == name);
        Assert.Equal(Raw(name, "etag1").Blob.ArticleId, article.GetTagItem("pipeline.article_id"));
        Assert.Equal(["analyze", "parse", "write"], spans.Where(a => a.ParentSpanId == article.SpanId).Select(a => a.OperationName).Order(StringComparer.Ordinal));
        Assert.Contains(measurements, m => m.Instrument == "pipeline.article.lag" && m.Value == 420); // uploaded seven minutes before it was stored
        Assert.Contains(measurements, m => m.Instrument == "pipeline.articles" && m.Tag == "processed");
        Assert.Contains(measurements, m => m.Instrument == "pipeline.article.stage.duration" && m.Tag == "analyze" && m.Value >= 0);

        static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length > 0 ? tags[0].Value?.ToString() : null;
    }

    private ArticleProcessor Processor(long maxBytes = 1000) => new(
        _parser, _analyzer, _repository, new DuplicateStories(_repository, _repository, NullLogger<DuplicateStories>.Instance), Options.Create(new ProcessingOptions { MaxArticleBytes = maxBytes }), new FixedTime(Now), NullLogger<ArticleProcessor>.Instance);

    private static RawArticle Raw(string name, string eTag, DateTimeOffset? lastModified = null, byte[]? content = null) =>
        new(new BlobReference("articles", name, eTag, lastModified ?? Now.AddMinutes(-10)), content ?? "x"u8.ToArray(), "text/plain", new Dictionary<string, string>());

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FakeRepository : IArticleRepository, IStoryIndex
    {
        public Dictionary<string, BlobReference> Stored { get; } = [];

        public Task<IReadOnlyList<StoryMember>> FindStoryAsync(string contentHash, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoryMember>>([.. Latest().Where(r => r.ContentHash == contentHash).Select(r => new StoryMember(r.Id, r.Blob.LastModified, r.ProcessedAt, r.DuplicateOf))]);

        public Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken) =>
            Task.FromResult(Latest().FirstOrDefault(r => r.Id == articleId));

        public Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken) =>
            Task.FromResult(Latest().FirstOrDefault(r => r.Id == articleId)?.ContentHash);

        // What is stored now: each id's last save, unless deleted since.
        private IEnumerable<ArticleRecord> Latest() =>
            Saved.GroupBy(r => r.Id).Select(g => g.Last()).Where(r => Stored.ContainsKey(r.Id));
        public List<ArticleRecord> Saved { get; } = [];
        public List<string> Deleted { get; } = [];

        public Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken) =>
            Task.FromResult(Stored.GetValueOrDefault(articleId));

        public Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken)
        {
            Saved.Add(record);
            Stored[record.Id] = record.Blob;
            return Task.CompletedTask;
        }

        public Task DeleteAsync(string articleId, CancellationToken cancellationToken)
        {
            Deleted.Add(articleId);
            Stored.Remove(articleId);
            return Task.CompletedTask;
        }
    }

    private sealed class FakeParser : IArticleParser
    {
        public string? Reject { get; set; }
        public string Body { get; set; } = "Body.";
        public int Calls { get; private set; }

        public ParsedArticle Parse(RawArticle raw)
        {
            Calls++;
            return Reject is null
                ? new ParsedArticle { Title = "Parsed title", Body = Body, Format = "txt" }
                : throw new ArticleRejectedException(Reject);
        }
    }

    private sealed class FakeAnalyzer : ITextAnalyzer
    {
        public List<AnalysisRequest> Requests { get; } = [];
        public string? Reject { get; set; }
        public Exception? Transient { get; set; }

        public TextAnalysis Result { get; set; } = new()
        {
            Analyzer = "fake",
            Language = new DetectedLanguage("English", "en", 1),
            IsScored = true,
            Sentiment = SentimentResult.From(new SentimentScores(0.2, 0.7, 0.1)),
        };

        public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            if (Transient is not null)
            {
                throw Transient;
            }

            return Reject is null ? Task.FromResult(Result) : throw new AnalysisRejectedException(Reject);
        }
    }
}

using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;

namespace Pipeline.Testing.Builders;

/// <summary>
/// Test articles: a processed record with analysis by default. Each builder gets its own blob name, so
/// records never collide; call <see cref="WithBlobName"/> to make versions of one article.
/// </summary>
public sealed class ArticleRecordBuilder
{
    private static int _counter;
    private readonly List<EntityResult> _entities = [];
    private string _container = "articles";
    private string _blobName = $"test/article-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}.txt";
    private string _eTag = "0x8D" + Guid.NewGuid().ToString("N")[..13].ToUpperInvariant();
    private DateTimeOffset _lastModified = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _timestamp = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private DateTimeOffset _processedAt = new(2026, 11, 20, 12, 0, 5, TimeSpan.Zero);
    private ArticleStatus _status = ArticleStatus.Processed;
    private string? _failureReason;
    private string _title = "Candidate draws crowd in Ohio";
    private string? _source = "example-news.com";
    private string? _url = "https://example-news.com/politics/candidate-ohio";
    private string? _author = "A. Reporter";
    private string _body = "The candidate spoke to a large crowd on Tuesday.";
    private string _language = "en";
    private SentimentScores? _sentiment = new(0.7, 0.2, 0.1);
    private bool _dated = true;

    public ArticleRecordBuilder WithBlobName(string name, string container = "articles")
    {
        _blobName = name;
        _container = container;
        return this;
    }

    /// <summary>A new blob version: new ETag, later last-modified time.</summary>
    public ArticleRecordBuilder WithVersion(string eTag, DateTimeOffset lastModified)
    {
        _eTag = eTag;
        _lastModified = lastModified;
        return this;
    }

    public ArticleRecordBuilder WithTimestamp(DateTimeOffset timestamp)
    {
        _timestamp = timestamp;
        return this;
    }

    /// <summary>No date was found: the timestamp is the upload time (dateSource "upload").</summary>
    public ArticleRecordBuilder Undated()
    {
        _dated = false;
        return this;
    }

    public ArticleRecordBuilder WithProcessedAt(DateTimeOffset processedAt)
    {
        _processedAt = processedAt;
        return this;
    }

    public ArticleRecordBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public ArticleRecordBuilder WithSource(string? source)
    {
        _source = source;
        return this;
    }

    public ArticleRecordBuilder WithBody(string body)
    {
        _body = body;
        return this;
    }

    public ArticleRecordBuilder WithLanguage(string iso6391)
    {
        _language = iso6391;
        return this;
    }

    /// <summary>Document sentiment; null for none.</summary>
    public ArticleRecordBuilder WithSentiment(SentimentScores? scores)
    {
        _sentiment = scores;
        return this;
    }

    public ArticleRecordBuilder Unscored()
    {
        _status = ArticleStatus.Unscored;
        _sentiment = null;
        _entities.Clear();
        return this;
    }

    public ArticleRecordBuilder Failed(string reason)
    {
        _status = ArticleStatus.Failed;
        _failureReason = reason;
        return this;
    }

    /// <summary>Adds an entity with <paramref name="mentions"/> mentions and, if given, this polarity (positive minus negative) toward it.</summary>
    public ArticleRecordBuilder WithEntity(string name, string category = "Person", int mentions = 1, double? polarity = 0.5)
    {
        SentimentResult? sentiment = polarity is { } p ? SentimentResult.From(ScoresFor(p)) : null;
        var list = Enumerable.Range(0, mentions)
            .Select(i => new EntityMention(i * 10, name.Length, name, 0.9, sentiment))
            .ToList();
        _entities.Add(new EntityResult(name, category, null, sentiment, list));
        return this;
    }

    public ArticleRecord Build()
    {
        var blob = new BlobReference(_container, _blobName, _eTag, _lastModified);
        if (_status == ArticleStatus.Failed)
        {
            return ArticleRecord.Failed(blob, _failureReason ?? "failed", _processedAt) with
            {
                Title = _title, Source = _source, Url = _url, Author = _author, Timestamp = _timestamp,
            };
        }

        var text = _title + "\n\n" + _body;
        return new ArticleRecord
        {
            Id = blob.ArticleId,
            Blob = blob,
            Status = _status,
            Title = _title,
            Source = _source,
            Url = _url,
            Author = _author,
            Format = "txt",
            PublishedAt = _dated ? _timestamp : null,
            DateSource = _dated ? DateSource.Metadata : DateSource.Upload,
            SourceOrigin = _source is null ? null : SourceOrigin.Metadata,
            Timestamp = _timestamp,
            ProcessedAt = _processedAt,
            Text = text,
            ContentHash = ContentHash.Of(_body),
            Analysis = new TextAnalysis
            {
                Analyzer = "test/1.0",
                Language = new DetectedLanguage(_language == "en" ? "English" : _language, _language, 0.99),
                IsScored = _status == ArticleStatus.Processed,
                Sentiment = _status == ArticleStatus.Processed && _sentiment is { } s ? SentimentResult.From(s) : null,
                Sentences = _status == ArticleStatus.Processed && _sentiment is { } s2
                    ? [new SentenceResult(0, _title.Length, SentimentResult.From(s2))]
                    : [],
                Entities = [.. _entities],
                KeyPhrases = [new KeyPhrase("large crowd", 0.8)],
            },
        };
    }

    /// <summary>Scores whose polarity is exactly <paramref name="polarity"/> (in [-1, 1]).</summary>
    public static SentimentScores ScoresFor(double polarity) =>
        polarity >= 0 ? new SentimentScores(polarity, 1 - polarity, 0) : new SentimentScores(0, 1 + polarity, -polarity);
}

using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;

namespace Pipeline.Api.Queries;

/// <summary>GET /api/articles/{id}: everything stored, with sentence and mention text beside their offsets.</summary>
public sealed record ArticleDetails
{
    public required string Id { get; init; }
    public required ArticleStatus Status { get; init; }
    public string? FailureReason { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public string? Format { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Where the date came from: metadata, page, path, text, or upload (undated); null for articles stored before it was recorded.</summary>
    public DateSource? DateSource { get; init; }

    /// <summary>Where the outlet came from: metadata, url, path, page; null when unknown.</summary>
    public SourceOrigin? SourceOrigin { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
    public required DateTimeOffset ProcessedAt { get; init; }
    public required BlobReference Blob { get; init; }

    /// <summary>Hash of the normalised body text (32 hex characters): articles that share it are one story. Null for failed articles.</summary>
    public string? ContentHash { get; init; }

    /// <summary>The id of the earlier upload this article repeats: listed and readable, but the story counts once, there. Null when it counts.</summary>
    public string? DuplicateOf { get; init; }

    public string? Analyzer { get; init; }
    public DetectedLanguage? Language { get; init; }
    public SentimentResult? Sentiment { get; init; }

    /// <summary>The analyzed text; every offset below is in UTF-16 code units into it.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<SentenceDetails> Sentences { get; init; } = [];
    public IReadOnlyList<EntityDetails> Entities { get; init; } = [];
    public IReadOnlyList<KeyPhrase> KeyPhrases { get; init; } = [];

    public static ArticleDetails From(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = record.Text ?? "";
        var analysis = record.Analysis;
        return new ArticleDetails
        {
            Id = record.Id,
            Status = record.Status,
            FailureReason = record.FailureReason,
            Title = record.Title,
            Source = record.Source,
            Url = record.Url,
            Author = record.Author,
            Format = record.Format,
            PublishedAt = record.PublishedAt,
            DateSource = record.DateSource,
            SourceOrigin = record.SourceOrigin,
            Timestamp = record.Timestamp,
            ProcessedAt = record.ProcessedAt,
            Blob = record.Blob,
            ContentHash = record.ContentHash,
            DuplicateOf = record.DuplicateOf,
            Analyzer = analysis?.Analyzer,
            Language = analysis?.Language,
            Sentiment = analysis?.Sentiment,
            Text = record.Text,
            Sentences = analysis?.Sentences.Select(s => new SentenceDetails(s.Offset, s.Length, Slice(text, s.Offset, s.Length), s.Sentiment)).ToList() ?? [],
            Entities = analysis?.Entities.Select(e => new EntityDetails(e.Id, e.Name, e.Category, e.Subcategory, e.Sentiment, e.Mentions) { Tone = e.Tone }).ToList() ?? [],
            KeyPhrases = analysis?.KeyPhrases ?? [],
        };
    }

    private static string Slice(string text, int offset, int length) =>
        offset >= 0 && length >= 0 && offset + length <= text.Length ? text.Substring(offset, length) : "";
}

/// <summary>One sentence of the article: its position in the text, its text and its sentiment.</summary>
public sealed record SentenceDetails(int Offset, int Length, string Text, SentimentResult Sentiment);

/// <summary>An entity the article mentions: the sentiment toward it in this article and every mention.</summary>
public sealed record EntityDetails(string Id, string Name, string Category, string? Subcategory, SentimentResult? Sentiment, IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>What <see cref="Sentiment"/> rests on (mentions, sentences, confidence); null where the analyzer does not say.</summary>
    public ToneEvidence? Tone { get; init; }
}

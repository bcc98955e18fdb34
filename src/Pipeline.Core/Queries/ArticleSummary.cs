using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Queries;

/// <summary>An article as listed: headline facts without the full analysis.</summary>
public sealed record ArticleSummary
{
    public required string Id { get; init; }
    public required ArticleStatus Status { get; init; }
    public string? FailureReason { get; init; }
    public required string BlobName { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Where the date came from (see <see cref="ArticleRecord.DateSource"/>); null for articles stored before it was recorded.</summary>
    public DateSource? DateSource { get; init; }

    /// <summary>Where <see cref="Source"/> came from; null when the outlet is unknown.</summary>
    public SourceOrigin? SourceOrigin { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
    public required DateTimeOffset ProcessedAt { get; init; }
    public string? Language { get; init; }
    public SentimentResult? Sentiment { get; init; }

    /// <summary>See <see cref="ArticleRecord.AnalyzerVersion"/>: lets operators re-run articles an older analyzer produced.</summary>
    public string? AnalyzerVersion { get; init; }

    /// <summary>The article whose story this one repeats (see <see cref="ArticleRecord.DuplicateOf"/>); null when it counts.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>In an entity's article list: how often this article mentions the entity.</summary>
    public int? EntityMentions { get; init; }

    /// <summary>In an entity's article list: the article's polarity toward the entity (-1..1); null when not scored.</summary>
    public double? EntityTone { get; init; }

    /// <summary>The listing view of a stored record: every store projects through this one method.</summary>
    public static ArticleSummary From(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ArticleSummary
        {
            Id = record.Id,
            Status = record.Status,
            FailureReason = record.FailureReason,
            BlobName = record.Blob.Name,
            Title = record.Title,
            Source = record.Source,
            Url = record.Url,
            Author = record.Author,
            PublishedAt = record.PublishedAt,
            DateSource = record.DateSource,
            SourceOrigin = record.SourceOrigin,
            Timestamp = record.Timestamp,
            ProcessedAt = record.ProcessedAt,
            Language = record.Analysis?.Language.Iso6391Name,
            Sentiment = record.Analysis?.Sentiment,
            AnalyzerVersion = record.AnalyzerVersion,
            DuplicateOf = record.DuplicateOf,
        };
    }
}

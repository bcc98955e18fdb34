using System.Text.Json.Serialization;
using Pipeline.Core.Analysis;

namespace Pipeline.Core.Articles;

/// <summary>Everything stored about one article: where it came from, what it says, what the analysis found.</summary>
public sealed record ArticleRecord
{
    public required string Id { get; init; }
    public required BlobReference Blob { get; init; }
    public required ArticleStatus Status { get; init; }

    /// <summary>Why processing failed; null unless <see cref="Status"/> is Failed.</summary>
    public string? FailureReason { get; init; }

    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public string? Format { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>
    /// Where <see cref="PublishedAt"/> came from; <see cref="Articles.DateSource.Upload"/> (undated) when there is none.
    /// Null only in records stored before provenance was recorded (reprocess them to fill it in).
    /// </summary>
    public DateSource? DateSource { get; init; }

    /// <summary>Where <see cref="Source"/> came from; null when the outlet is unknown.</summary>
    public SourceOrigin? SourceOrigin { get; init; }

    /// <summary>False when the only date known is the upload time: such articles stay out of time series unless asked for.</summary>
    [JsonIgnore]
    public bool IsDated => PublishedAt is not null;

    /// <summary>The time the article is filed under: published date, else the blob's last-modified time.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>The analyzed text (see <see cref="ParsedArticle.Text"/>); all offsets point into it.</summary>
    public string? Text { get; init; }

    public TextAnalysis? Analysis { get; init; }

    /// <summary>
    /// <see cref="Articles.ContentHash"/> of the body: articles that share it are one story. Null for failed articles,
    /// text without words, and records stored before duplicates were recognised.
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// The id of the article this one repeats (same <see cref="ContentHash"/>, uploaded earlier): it stays listed and
    /// readable, but only the story's first upload counts in totals and coverage. Null when it counts.
    /// </summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Whether the article counts in totals and coverage: it was analysed and is not a duplicate.</summary>
    [JsonIgnore]
    public bool IsCounted => Status != ArticleStatus.Failed && DuplicateOf is null;

    /// <summary>Name and version of the analyzer that produced <see cref="Analysis"/> (e.g. "local/1.0"); null when not analyzed.</summary>
    public string? AnalyzerVersion => Analysis?.Analyzer;

    public static ArticleRecord Analyzed(BlobReference blob, ParsedArticle parsed, TextAnalysis analysis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(analysis);
        return Describe(blob, parsed, now) with
        {
            Status = analysis.IsScored ? ArticleStatus.Processed : ArticleStatus.Unscored,
            Text = parsed.Text,
            Analysis = analysis,
            ContentHash = Articles.ContentHash.Of(parsed.Body),
        };
    }

    public static ArticleRecord Failed(BlobReference blob, string reason, DateTimeOffset now, ParsedArticle? parsed = null) =>
        Describe(blob, parsed, now) with { Status = ArticleStatus.Failed, FailureReason = reason };

    // What is known of any article, analyzed or not: where it came from and what ingestion found.
    private static ArticleRecord Describe(BlobReference blob, ParsedArticle? parsed, DateTimeOffset now) => new()
    {
        Id = blob.ArticleId,
        Blob = blob,
        Status = ArticleStatus.Failed,
        Title = parsed?.Title,
        Source = parsed?.Source,
        Url = parsed?.Url,
        Author = parsed?.Author,
        Format = parsed?.Format,
        PublishedAt = parsed?.PublishedAt,
        DateSource = parsed?.PublishedAt is null ? Articles.DateSource.Upload : parsed.DateSource,
        SourceOrigin = parsed?.Source is null ? null : parsed.SourceOrigin,
        Timestamp = parsed?.PublishedAt ?? blob.LastModified,
        ProcessedAt = now,
    };
}

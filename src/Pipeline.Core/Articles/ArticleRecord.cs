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

    /// <summary>The time the article is filed under: published date, else the blob's last-modified time.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>The analyzed text (see <see cref="ParsedArticle.Text"/>); all offsets point into it.</summary>
    public string? Text { get; init; }

    public TextAnalysis? Analysis { get; init; }

    public static ArticleRecord Failed(BlobReference blob, string reason, DateTimeOffset now, ParsedArticle? parsed = null) => new()
    {
        Id = blob.ArticleId,
        Blob = blob,
        Status = ArticleStatus.Failed,
        FailureReason = reason,
        Title = parsed?.Title,
        Source = parsed?.Source,
        Url = parsed?.Url,
        Author = parsed?.Author,
        Format = parsed?.Format,
        PublishedAt = parsed?.PublishedAt,
        Timestamp = parsed?.PublishedAt ?? blob.LastModified,
        ProcessedAt = now,
    };
}

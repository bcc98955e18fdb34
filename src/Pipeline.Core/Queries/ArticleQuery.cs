using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Queries;

/// <summary>Filters for listing articles, newest first. All filters combine with AND.</summary>
public sealed record ArticleQuery
{
    public const int DefaultTop = 50;
    public const int MaxTop = 500;

    /// <summary>Inclusive lower bound on <see cref="ArticleRecord.Timestamp"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on <see cref="ArticleRecord.Timestamp"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Exact source (publisher), case-insensitive.</summary>
    public string? Source { get; init; }

    /// <summary>An entity id (see <see cref="EntityId"/>).</summary>
    public string? EntityId { get; init; }

    public Sentiment? Sentiment { get; init; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Language { get; init; }

    public ArticleStatus? Status { get; init; }

    public int Top { get; init; } = DefaultTop;

    /// <summary>Opaque token from the previous page.</summary>
    public string? ContinuationToken { get; init; }
}

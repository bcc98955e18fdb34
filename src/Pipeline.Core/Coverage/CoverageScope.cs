namespace Pipeline.Core.Coverage;

/// <summary>Which articles an aggregate counts. All filters combine with AND.</summary>
public sealed record CoverageScope
{
    /// <summary>Only articles mentioning this entity; their tone is the tone toward it. Null: all articles, document tone.</summary>
    public string? EntityId { get; init; }

    /// <summary>Only this outlet (case-insensitive).</summary>
    public string? Source { get; init; }

    /// <summary>Inclusive lower bound on the article's date.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on the article's date.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// Count articles whose only date is their upload time, placed at that time. Off by default: an undated article
    /// is counted separately, never silently placed on its upload day.
    /// </summary>
    public bool IncludeUndated { get; init; }
}

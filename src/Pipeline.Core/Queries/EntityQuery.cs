namespace Pipeline.Core.Queries;

/// <summary>Filters for the entity leaderboard.</summary>
public sealed record EntityQuery
{
    public const int DefaultTop = 25;
    public const int MaxTop = 500;

    /// <summary>Azure AI Language category name, e.g. "Person"; case-insensitive.</summary>
    public string? Category { get; init; }

    /// <summary>Only articles from this outlet (case-insensitive).</summary>
    public string? Source { get; init; }

    /// <summary>Inclusive lower bound on the dates of articles counted; a window counts dated articles only.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on article timestamps counted.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Categories left out of the ranking (case-insensitive), applied before <see cref="Top"/>.</summary>
    public IReadOnlyCollection<string> ExcludedCategories { get; init; } = [];

    public int Top { get; init; } = DefaultTop;
}

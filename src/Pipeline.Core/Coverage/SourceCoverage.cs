namespace Pipeline.Core.Coverage;

/// <summary>A store's totals for one outlet; <see cref="Source"/> null is the articles whose outlet is unknown.</summary>
public sealed record SourceCoverage(string? Source, CoverageTotals Totals);

/// <summary>A store's totals for an entity that appears in the same articles as the subject entity.</summary>
/// <param name="Totals">The articles mentioning both, their mentions of this entity and the tone toward it.</param>
public sealed record CoMentionCoverage(string EntityId, string Name, string Category, CoverageTotals Totals);

/// <summary>How many articles are stored, in each state.</summary>
/// <param name="Undated">Stored articles (any state) whose only date is their upload time.</param>
/// <param name="Duplicates">Stored articles that repeat a story already counted (<see cref="Articles.ArticleRecord.DuplicateOf"/>); included in Processed and Unscored.</param>
/// <param name="LastProcessedAt">When the most recently processed article was stored; null when none is.</param>
public sealed record CorpusCounts(long Processed, long Unscored, long Failed, long Undated, long Duplicates, DateTimeOffset? LastProcessedAt)
{
    public long Total => Processed + Unscored + Failed;
}

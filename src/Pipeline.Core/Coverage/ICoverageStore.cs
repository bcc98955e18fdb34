namespace Pipeline.Core.Coverage;

/// <summary>
/// What a results store aggregates for the coverage views (timeline, outlets, co-mentions, status). Every answer is
/// exact and current: it reflects every save and delete made so far, updates and deletes included.
/// </summary>
public interface ICoverageStore
{
    /// <summary>Totals per day for the articles in <paramref name="scope"/>.</summary>
    Task<DailyCoverage> ReadDailyAsync(CoverageScope scope, CancellationToken cancellationToken);

    /// <summary>Totals per outlet for the articles in <paramref name="scope"/> (<see cref="CoverageScope.Source"/> ignored).</summary>
    Task<IReadOnlyList<SourceCoverage>> ReadSourcesAsync(CoverageScope scope, CancellationToken cancellationToken);

    /// <summary>For the articles in <paramref name="scope"/> (which names an entity), every other entity they mention.</summary>
    Task<IReadOnlyList<CoMentionCoverage>> ReadCoMentionsAsync(CoverageScope scope, CancellationToken cancellationToken);

    Task<CorpusCounts> ReadCountsAsync(CancellationToken cancellationToken);
}

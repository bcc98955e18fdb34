using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;

namespace Pipeline.Testing.Aggregates;

/// <summary>
/// Coverage aggregates recounted naively from the records with Core's contribution rules: the oracle every store's
/// <see cref="ICoverageStore"/> answer must equal (and what the in-memory fake answers).
/// </summary>
public static class CoverageRecount
{
    /// <summary>What an article adds in a scope: its mentions of and tone toward the entity, or (no entity) its document tone; null when out of scope.</summary>
    public static (long Mentions, long? Polarity)? Counted(ArticleRecord record, CoverageScope scope)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Source is { } s && !string.Equals(record.Source, s, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (scope.EntityId is null)
        {
            return !record.IsCounted ? null
                : (0, record.Analysis?.Sentiment is { } d ? (long)Math.Round(d.Scores.Polarity * EntityContribution.Scale, MidpointRounding.AwayFromZero) : null);
        }

        return EntityContribution.From(record).TryGetValue(scope.EntityId, out var c) ? (c.Mentions, c.PolarityMicro) : null;
    }

    public static bool InWindow(ArticleRecord record, CoverageScope scope) =>
        (scope.From is null || record.Timestamp >= scope.From) && (scope.To is null || record.Timestamp < scope.To);

    public static DailyCoverage Daily(IEnumerable<ArticleRecord> records, CoverageScope scope)
    {
        var days = new Dictionary<int, CoverageTotals>();
        long undated = 0;
        foreach (var r in records.Where(r => InWindow(r, scope)))
        {
            if (Counted(r, scope) is not { } c)
            {
                continue;
            }

            if (!r.IsDated && !scope.IncludeUndated)
            {
                undated++;
                continue;
            }

            Add(days, DailyCoverage.DayNumber(r.Timestamp.UtcTicks), c);
        }

        return new DailyCoverage(days, undated);
    }

    /// <summary>Per outlet (keyed by its lower-case name, "" for unknown): all time counts undated articles, a window only dated ones.</summary>
    public static Dictionary<string, CoverageTotals> Sources(IEnumerable<ArticleRecord> records, CoverageScope scope)
    {
        var windowed = scope.From is not null || scope.To is not null;
        var result = new Dictionary<string, CoverageTotals>(StringComparer.Ordinal);
        foreach (var r in records.Where(r => InWindow(r, scope) && (r.IsDated || !windowed || scope.IncludeUndated)))
        {
            if (Counted(r, scope with { Source = null }) is { } c)
            {
                Add(result, r.Source?.ToLowerInvariant() ?? "", c);
            }
        }

        return result;
    }

    /// <summary>
    /// For the articles in scope that mention <see cref="CoverageScope.EntityId"/>, every other entity they mention, keyed
    /// by id: its preferred name and its mentions and tone there. A window counts dated articles only unless asked.
    /// </summary>
    public static Dictionary<string, (string Name, CoverageTotals Totals)> CoMentions(IEnumerable<ArticleRecord> records, CoverageScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(scope.EntityId);
        var windowed = scope.From is not null || scope.To is not null;
        var result = new Dictionary<string, (string Name, CoverageTotals Totals)>(StringComparer.Ordinal);
        foreach (var r in records.Where(r => InWindow(r, scope) && (r.IsDated || !windowed || scope.IncludeUndated)))
        {
            var contributions = EntityContribution.From(r);
            if (Counted(r, scope) is null)
            {
                continue;
            }

            foreach (var other in contributions.Values.Where(c => c.EntityId != scope.EntityId))
            {
                var (name, totals) = result.TryGetValue(other.EntityId, out var seen) ? seen : (other.Name, new CoverageTotals());
                totals.AddArticle(other.Mentions, other.PolarityMicro);
                result[other.EntityId] = (EntityNames.Prefer(name, other.Name), totals);
            }
        }

        return result;
    }

    public static CorpusCounts Counts(IReadOnlyCollection<ArticleRecord> records) => new(
        records.Count(r => r.Status == ArticleStatus.Processed),
        records.Count(r => r.Status == ArticleStatus.Unscored),
        records.Count(r => r.Status == ArticleStatus.Failed),
        records.Count(r => !r.IsDated),
        records.Count(r => r.DuplicateOf is not null),
        records.Count == 0 ? null : records.Max(r => r.ProcessedAt));

    private static void Add<TKey>(Dictionary<TKey, CoverageTotals> totals, TKey key, (long Mentions, long? Polarity) counted)
        where TKey : notnull
    {
        if (!totals.TryGetValue(key, out var t))
        {
            totals[key] = t = new CoverageTotals();
        }

        t.AddArticle(counted.Mentions, counted.Polarity);
    }
}

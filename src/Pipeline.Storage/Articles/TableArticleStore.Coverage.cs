using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

// Coverage aggregates. The corpus counts and the outlets' totals are kept as pseudo-entities beside the entity totals
// (CorpusContributions): a few rows per outlet and period, whatever the corpus. Timelines, co-mentions and one
// entity's outlets are summed from the time index: an entity's rows in the window's month partitions (they carry the
// article's mentions of and tone toward it), else the article rows themselves; that cost follows the articles inside
// the window, and the API caches answers. Exact and current either way: every save replaces its rows and receipts.
public sealed partial class TableArticleStore : ICoverageStore
{
    public async Task<DailyCoverage> ReadDailyAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var days = new Dictionary<int, CoverageTotals>();
        long undated = 0;
        await foreach (var fact in ReadFactsAsync(scope, cancellationToken))
        {
            if (!fact.Dated && !scope.IncludeUndated)
            {
                undated++;
                continue;
            }

            var day = DailyCoverage.DayNumber(fact.Ticks);
            if (!days.TryGetValue(day, out var totals))
            {
                days[day] = totals = new CoverageTotals();
            }

            totals.AddArticle(fact.Mentions, fact.PolarityMicro);
        }

        return new DailyCoverage(days, undated);
    }

    public async Task<IReadOnlyList<SourceCoverage>> ReadSourcesAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var windowed = scope.From is not null || scope.To is not null;
        var sources = new Dictionary<string, (string? Name, CoverageTotals Totals)>(StringComparer.Ordinal);
        if (scope.EntityId is null && !(windowed && scope.IncludeUndated))
        {
            // The outlets' own totals (CorpusContributions): whole months and days from them, partial days from articles.
            await AddSourceTotalsAsync(scope.From, scope.To, sources, cancellationToken);
        }
        else
        {
            // Per entity, or with undated articles placed by upload time: the articles in the window.
            await AddSourceFactsAsync(scope with { Source = null }, windowed, sources, cancellationToken);
        }

        return [.. sources.Values.Where(s => s.Totals.Articles > 0).Select(s => new SourceCoverage(s.Name, s.Totals))];
    }

    private async Task AddSourceTotalsAsync(
        DateTimeOffset? from, DateTimeOffset? to, Dictionary<string, (string? Name, CoverageTotals Totals)> sources, CancellationToken cancellationToken)
    {
        if (from is null && to is null)
        {
            AddSourceSums(await _stats.SumCorpusAsync(EntityStatsStore.AllPeriod, CorpusContributions.SourcePrefix, cancellationToken), sources);
            return;
        }

        foreach (var span in await WindowSpansAsync(from, to, cancellationToken))
        {
            if (span.Period is { } period)
            {
                AddSourceSums(await _stats.SumCorpusAsync(period, CorpusContributions.SourcePrefix, cancellationToken), sources);
            }
            else
            {
                await AddSourceFactsAsync(new CoverageScope { From = span.From, To = span.To }, windowed: true, sources, cancellationToken);
            }
        }
    }

    private static void AddSourceSums(Dictionary<string, (string Name, CoverageTotals Totals)> sums, Dictionary<string, (string? Name, CoverageTotals Totals)> sources)
    {
        foreach (var (id, sum) in sums)
        {
            SourceEntry(sources, id[CorpusContributions.SourcePrefix.Length..], CorpusContributions.SourceName(sum.Name)).Totals.Add(sum.Totals);
        }
    }

    private async Task AddSourceFactsAsync(
        CoverageScope scope, bool windowed, Dictionary<string, (string? Name, CoverageTotals Totals)> sources, CancellationToken cancellationToken)
    {
        await foreach (var fact in ReadFactsAsync(scope, cancellationToken))
        {
            if (!fact.Dated && windowed && !scope.IncludeUndated)
            {
                continue;
            }

            SourceEntry(sources, fact.SourceKey ?? "", fact.Source).Totals.AddArticle(fact.Mentions, fact.PolarityMicro);
        }
    }

    private static (string? Name, CoverageTotals Totals) SourceEntry(Dictionary<string, (string? Name, CoverageTotals Totals)> sources, string key, string? name)
    {
        if (!sources.TryGetValue(key, out var entry))
        {
            sources[key] = entry = (name, new CoverageTotals());
        }

        return entry;
    }

    public async Task<IReadOnlyList<CoMentionCoverage>> ReadCoMentionsAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(scope.EntityId);
        var windowed = scope.From is not null || scope.To is not null;
        var found = new Dictionary<string, (EntityTotals Names, CoverageTotals Totals)>(StringComparer.Ordinal);
        // The article rows carry every entity of the article: those that mention the subject are counted.
        await foreach (var row in ReadWindowRowsAsync("", scope.From, scope.To, scope.Source, cancellationToken))
        {
            if (row.GetDateTimeOffset("PublishedAt") is null && windowed && !scope.IncludeUndated)
            {
                continue;
            }

            var contributions = StoredContribution.Read(row);
            if (!contributions.Any(c => string.Equals(c.EntityId, scope.EntityId, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var c in contributions.Where(c => !string.Equals(c.EntityId, scope.EntityId, StringComparison.Ordinal)))
            {
                if (!found.TryGetValue(c.EntityId, out var entry))
                {
                    found[c.EntityId] = entry = (new EntityTotals(c.EntityId, c.Name, c.Category), new CoverageTotals());
                }

                entry.Names.PreferName(c.Name);
                entry.Totals.AddArticle(c.Mentions, c.PolarityMicro);
            }
        }

        return [.. found.Values.Select(e => new CoMentionCoverage(e.Names.Id, e.Names.Name, e.Names.Category, e.Totals))];
    }

    public async Task<CorpusCounts> ReadCountsAsync(CancellationToken cancellationToken)
    {
        // The counts are pseudo-entities beside the entity totals (CorpusContributions): a few rows, whatever the corpus.
        var counts = await _stats.SumCorpusAsync(EntityStatsStore.AllPeriod, CorpusContributions.CountPrefix, cancellationToken);
        long Count(string id) => counts.TryGetValue(id, out var c) ? c.Totals.Articles : 0;
        var (processed, unscored, failed) = (Count(CorpusContributions.Processed), Count(CorpusContributions.Unscored), Count(CorpusContributions.Failed));
        var last = processed + unscored + failed == 0 ? null : await _lastProcessed.ReadAsync(cancellationToken);
        return new CorpusCounts(processed, unscored, failed, Count(CorpusContributions.Undated), Count(CorpusContributions.Duplicate), last);
    }

    /// <summary>One article as a coverage aggregate counts it: for an entity's scope, its mentions of and tone toward it.</summary>
    private readonly record struct CoverageFact(long Ticks, bool Dated, string? SourceKey, string? Source, long Mentions, long? PolarityMicro);

    private async IAsyncEnumerable<CoverageFact> ReadFactsAsync(CoverageScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = scope.EntityId is { } entity ? EntityKeyPrefix(entity) : "";
        await foreach (var row in ReadWindowRowsAsync(prefix, scope.From, scope.To, scope.Source, cancellationToken))
        {
            long mentions;
            long? polarity;
            if (scope.EntityId is null)
            {
                if (row.GetString(SummaryColumns.Status) == nameof(ArticleStatus.Failed) || row.GetString(SummaryColumns.DuplicateOf) is not null)
                {
                    // Failed articles and repeats of a story already counted add nothing (ArticleRecord.IsCounted).
                    continue;
                }

                (mentions, polarity) = (0, DocumentPolarity(row));
            }
            else
            {
                (mentions, polarity) = (row.GetInt32(SummaryColumns.EntityMentions) ?? 0, row.GetInt64(SummaryColumns.EntityPolarityMicro));
            }

            yield return new CoverageFact(
                (row.GetDateTimeOffset("ArticleTime") ?? default).UtcTicks,
                row.GetDateTimeOffset("PublishedAt") is not null,
                row.GetString(SummaryColumns.SourceKey),
                row.GetString("Source"),
                mentions,
                polarity);
        }
    }

    private static long? DocumentPolarity(TableEntity row) =>
        row.GetString(SummaryColumns.Sentiment) is null
            ? null
            : CorpusContributions.PolarityMicro((row.GetDouble("SentimentPositive") ?? 0) - (row.GetDouble("SentimentNegative") ?? 0));

    /// <summary>The time-index rows with <paramref name="keyPrefix"/> timed in [from, to), month by month.</summary>
    private async IAsyncEnumerable<TableEntity> ReadWindowRowsAsync(
        string keyPrefix, DateTimeOffset? from, DateTimeOffset? to, string? source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new ArticleQuery { From = from, To = to, Source = source };
        var months = (await ReadMonthsAsync(cancellationToken))
            .Where(m => from is null || string.CompareOrdinal(m, TimeKeys.Month(from.Value)) >= 0)
            .Where(m => to is null || string.CompareOrdinal(m, TimeKeys.Month(to.Value.AddTicks(-1))) <= 0);
        foreach (var month in months)
        {
            var filter = Filter(month, window, sourceFilter: true, keyPrefix: keyPrefix);
            await foreach (var row in _storage.ByTime.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return row;
            }
        }
    }
}

using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

// Coverage aggregates, summed from the time index: an entity's rows in the window's month partitions (they carry the
// article's mentions of and tone toward it), else the article rows themselves. Exact and current, because the rows
// are the ones every save replaces; the cost follows the articles inside the window, and the API caches answers.
public sealed partial class TableArticleStore : ICoverageStore
{
    private static readonly string[] CountColumns = [SummaryColumns.Status, "PublishedAt", "ProcessedAt", SummaryColumns.DuplicateOf, ArticleRow.BlobETag];

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
        await foreach (var fact in ReadFactsAsync(scope with { Source = null }, cancellationToken))
        {
            if (!fact.Dated && windowed && !scope.IncludeUndated)
            {
                continue;
            }

            var key = fact.SourceKey ?? "";
            if (!sources.TryGetValue(key, out var entry))
            {
                sources[key] = entry = (fact.Source, new CoverageTotals());
            }

            entry.Totals.AddArticle(fact.Mentions, fact.PolarityMicro);
        }

        return [.. sources.Values.Select(s => new SourceCoverage(s.Name, s.Totals))];
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
        // One projected scan of the article rows: Table storage keeps no counters that could drift.
        long processed = 0, unscored = 0, failed = 0, undated = 0, duplicates = 0;
        DateTimeOffset? last = null;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {ArticleRow.RowKey}");
        await foreach (var row in _storage.Articles.QueryAsync<TableEntity>(filter, select: CountColumns, cancellationToken: cancellationToken))
        {
            if (!ArticleRow.IsCommitted(row) || !Enum.TryParse<ArticleStatus>(row.GetString(SummaryColumns.Status), out var status))
            {
                continue;
            }

            _ = status switch
            {
                ArticleStatus.Processed => processed++,
                ArticleStatus.Unscored => unscored++,
                _ => failed++,
            };
            undated += row.GetDateTimeOffset("PublishedAt") is null ? 1 : 0;
            duplicates += row.GetString(SummaryColumns.DuplicateOf) is null ? 0 : 1;
            if (row.GetDateTimeOffset("ProcessedAt") is { } at && (last is null || at > last))
            {
                last = at;
            }
        }

        return new CorpusCounts(processed, unscored, failed, undated, duplicates, last);
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

    // Positive minus negative in millionths, rounded half away from zero as SQLite's round() does.
    private static long? DocumentPolarity(TableEntity row) =>
        row.GetString(SummaryColumns.Sentiment) is null
            ? null
            : (long)Math.Round(((row.GetDouble("SentimentPositive") ?? 0) - (row.GetDouble("SentimentNegative") ?? 0)) * EntityContribution.Scale, MidpointRounding.AwayFromZero);

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

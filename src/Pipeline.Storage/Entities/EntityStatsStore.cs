using Pipeline.Core.Aggregates;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Entities;

/// <summary>
/// Entity totals per period: partition "all", "m{yyyyMM}" and "d{yyyyMMdd}". Each period partition holds
/// aggregate rows "e|{entity}" and the contribution rows "c|{article}|{entity}" they are the sum of.
/// A contribution row and its aggregate change in ONE entity-group transaction (same partition), with the
/// aggregate's ETag as the concurrency check: the totals are exactly the sum of the contributions whatever
/// the interleaving of workers, retries are idempotent (re-applying finds nothing to change), and a crash
/// leaves either both or neither written. Partition "all" also holds the name index "n|{name slug}|{entity}".
/// </summary>
internal sealed class EntityStatsStore(TableClient table, TimeProvider timeProvider)
{
    public const string AllPeriod = "all";
    private const int MaxOperationsPerBatch = 99;

    // Azure allows at most 15 comparisons in one filter.
    private const int MaxKeysPerQuery = 14;
    private const int MaxAttempts = 200;

    private long _conflicts;

    /// <summary>How many times a totals update lost an ETag race and was re-applied (a health signal for contention).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    public static string MonthPeriod(DateTimeOffset t) => "m" + Keys.TimeKeys.Month(t);

    public static string DayPeriod(DateTimeOffset t) => "d" + Keys.TimeKeys.Day(t);

    public static IEnumerable<string> PeriodsOf(long ticks)
    {
        var t = new DateTimeOffset(ticks, TimeSpan.Zero);
        return [AllPeriod, MonthPeriod(t), DayPeriod(t)];
    }

    /// <summary>Makes this article's contributions in <paramref name="period"/> equal to <paramref name="desired"/>, totals included.</summary>
    public async Task ApplyAsync(string period, string articleId, IReadOnlyDictionary<string, EntityContribution> desired, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ReadContributionsAsync(period, articleId, cancellationToken);
            var changed = desired.Keys.Union(existing.Keys)
                .Where(id => !Same(desired.GetValueOrDefault(id), existing.GetValueOrDefault(id)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (changed.Count == 0)
            {
                return;
            }

            var aggregates = await ReadAggregatesAsync(period, changed, cancellationToken);
            var conflict = false;
            foreach (var batch in Batches(period, articleId, changed, desired, existing, aggregates))
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, cancellationToken);
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another article changed one of these aggregates since we read it: re-read and re-apply.
                    conflict = true;
                    Interlocked.Increment(ref _conflicts);
                    break;
                }
            }

            if (!conflict)
            {
                return;
            }

            if (attempt >= MaxAttempts)
            {
                throw new TimeoutException($"Entity totals in '{period}' stayed contended after {MaxAttempts} attempts.");
            }

#pragma warning disable CA5394 // Jitter only, not security.
            var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (Math.Min(attempt, 10) * 20)));
#pragma warning restore CA5394
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    public async Task<EntityTotals?> GetAsync(string entityId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(AllPeriod, AggregateKey(entityId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e && (e.GetInt64("Articles") ?? 0) > 0 ? ToTotals(e) : null;
    }

    /// <summary>Entity ids whose canonical name has this name key (any category).</summary>
    public async Task<IReadOnlyList<string>> FindIdsByNameAsync(string nameKey, CancellationToken cancellationToken)
    {
        var prefix = "n|" + nameKey + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AllPeriod} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var ids = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["EntityId"], cancellationToken: cancellationToken))
        {
            ids.Add(e.GetString("EntityId"));
        }

        return ids;
    }

    /// <summary>Adds every aggregate with articles in <paramref name="period"/> into <paramref name="totals"/>.</summary>
    public async Task AddPeriodAsync(string period, string? categoryKey, Dictionary<string, EntityTotals> totals, CancellationToken cancellationToken)
    {
        var filter = categoryKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {"e|"} and RowKey lt {"e}"} and Articles gt {0L}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {"e|"} and RowKey lt {"e}"} and Articles gt {0L} and CategoryKey eq {categoryKey}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var id = e.GetString("EntityId");
            if (!totals.TryGetValue(id, out var t))
            {
                totals[id] = t = new EntityTotals(id, e.GetString("Name"), e.GetString("Category"));
            }

            t.PreferName(e.GetString("Name"));
            t.Add(e.GetInt64("Articles") ?? 0, e.GetInt64("Mentions") ?? 0, e.GetInt64("PolarityMicro") ?? 0, e.GetInt64("Scored") ?? 0);
        }
    }

    /// <summary>Adds the contributions of articles timed in [from, to) within one day partition (for partial days).</summary>
    public async Task AddContributionsAsync(
        string dayPeriod, DateTimeOffset from, DateTimeOffset to, string? categoryKey, Dictionary<string, EntityTotals> totals, CancellationToken cancellationToken)
    {
        var (f, t) = (from.UtcTicks, to.UtcTicks);
        var filter = categoryKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {dayPeriod} and RowKey ge {"c|"} and RowKey lt {"c}"} and Ticks ge {f} and Ticks lt {t}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {dayPeriod} and RowKey ge {"c|"} and RowKey lt {"c}"} and Ticks ge {f} and Ticks lt {t} and CategoryKey eq {categoryKey}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var c = ToContribution(e);
            if (!totals.TryGetValue(c.EntityId, out var total))
            {
                totals[c.EntityId] = total = new EntityTotals(c.EntityId, c.Name, c.Category);
            }

            total.PreferName(c.Name);
            total.Add(1, c.Mentions, c.PolarityMicro ?? 0, c.PolarityMicro is null ? 0 : 1);
        }
    }

    private static bool Same(EntityContribution? a, EntityContribution? b) =>
        a is null ? b is null
        : b is not null && a.Mentions == b.Mentions && a.PolarityMicro == b.PolarityMicro && a.Ticks == b.Ticks
          && string.Equals(a.Name, b.Name, StringComparison.Ordinal);

    private static string AggregateKey(string entityId) => "e|" + entityId;

    private static string ContributionKey(string articleId, string entityId) => "c|" + articleId + "|" + entityId;

    private async Task<Dictionary<string, EntityContribution>> ReadContributionsAsync(string period, string articleId, CancellationToken cancellationToken)
    {
        var prefix = "c|" + articleId + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var result = new Dictionary<string, EntityContribution>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var c = ToContribution(e);
            result[c.EntityId] = c;
        }

        return result;
    }

    private async Task<Dictionary<string, TableEntity>> ReadAggregatesAsync(string period, IReadOnlyList<string> entityIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var chunk in entityIds.Chunk(MaxKeysPerQuery))
        {
            var keys = string.Join(" or ", chunk.Select(id => TableClient.CreateQueryFilter($"RowKey eq {AggregateKey(id)}")));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period}") + " and (" + keys + ")";
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                result[e.GetString("EntityId")] = e;
            }
        }

        return result;
    }

    private static IEnumerable<List<TableTransactionAction>> Batches(
        string period,
        string articleId,
        IReadOnlyList<string> changed,
        IReadOnlyDictionary<string, EntityContribution> desired,
        IReadOnlyDictionary<string, EntityContribution> existing,
        IReadOnlyDictionary<string, TableEntity> aggregates)
    {
        var batch = new List<TableTransactionAction>();
        foreach (var id in changed)
        {
            var actions = ActionsFor(period, articleId, desired.GetValueOrDefault(id), existing.GetValueOrDefault(id), aggregates.GetValueOrDefault(id));
            if (batch.Count + actions.Count > MaxOperationsPerBatch)
            {
                yield return batch;
                batch = [];
            }

            batch.AddRange(actions);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static List<TableTransactionAction> ActionsFor(
        string period, string articleId, EntityContribution? want, EntityContribution? have, TableEntity? aggregate)
    {
        var any = want ?? have!;
        var actions = new List<TableTransactionAction>(3);
        actions.Add(want is null
            ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(period, ContributionKey(articleId, any.EntityId)), ETag.All)
            : new TableTransactionAction(TableTransactionActionType.UpsertReplace, ContributionRow(period, articleId, want)));

        var (articles, mentions, polarity, scored) = (Count(want) - Count(have), Mentions(want) - Mentions(have), Polarity(want) - Polarity(have), Scored(want) - Scored(have));
        if (articles == 0 && mentions == 0 && polarity == 0 && scored == 0 && (aggregate is not null || want is null))
        {
            // Only the timestamp moved within the period: the totals stay as they are.
            return actions;
        }

        var row = new TableEntity(period, AggregateKey(any.EntityId))
        {
            ["EntityId"] = any.EntityId,
            ["Name"] = aggregate?.GetString("Name") is { } current ? EntityNames.Prefer(current, any.Name) : any.Name,
            ["Category"] = any.Category,
            ["CategoryKey"] = any.Category.ToLowerInvariant(),
            ["Articles"] = (aggregate?.GetInt64("Articles") ?? 0) + articles,
            ["Mentions"] = (aggregate?.GetInt64("Mentions") ?? 0) + mentions,
            ["PolarityMicro"] = (aggregate?.GetInt64("PolarityMicro") ?? 0) + polarity,
            ["Scored"] = (aggregate?.GetInt64("Scored") ?? 0) + scored,
        };
        if (aggregate is null)
        {
            // Add fails with 409 if another worker created it first: the whole batch retries.
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            if (period == AllPeriod)
            {
                var name = new TableEntity(period, "n|" + EntityContribution.NameKey(any.Name) + "|" + any.EntityId) { ["EntityId"] = any.EntityId };
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, name));
            }
        }
        else
        {
            // Zero totals stay as rows (filtered out by queries) so the ETag check keeps working for the next writer.
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, aggregate.ETag));
        }

        return actions;
    }

    private static long Count(EntityContribution? c) => c is null ? 0 : 1;

    private static long Mentions(EntityContribution? c) => c?.Mentions ?? 0;

    private static long Polarity(EntityContribution? c) => c?.PolarityMicro ?? 0;

    private static long Scored(EntityContribution? c) => c?.PolarityMicro is null ? 0 : 1;

    private static TableEntity ContributionRow(string period, string articleId, EntityContribution c)
    {
        var row = new TableEntity(period, ContributionKey(articleId, c.EntityId))
        {
            ["EntityId"] = c.EntityId,
            ["Name"] = c.Name,
            ["Category"] = c.Category,
            ["CategoryKey"] = c.Category.ToLowerInvariant(),
            ["Mentions"] = c.Mentions,
            ["Ticks"] = c.Ticks,
        };
        if (c.PolarityMicro is { } polarity)
        {
            row["PolarityMicro"] = polarity;
        }

        return row;
    }

    private static EntityContribution ToContribution(TableEntity e) => new(
        e.GetString("EntityId"),
        e.GetString("Name"),
        e.GetString("Category"),
        e.GetInt32("Mentions") ?? 0,
        e.GetInt64("PolarityMicro"),
        e.GetInt64("Ticks") ?? 0);

    private static EntityTotals ToTotals(TableEntity e)
    {
        var t = new EntityTotals(e.GetString("EntityId"), e.GetString("Name"), e.GetString("Category"));
        t.Add(e.GetInt64("Articles") ?? 0, e.GetInt64("Mentions") ?? 0, e.GetInt64("PolarityMicro") ?? 0, e.GetInt64("Scored") ?? 0);
        return t;
    }

    internal static EntitySummary Summary(EntityTotals t) => t.ToSummary();
}

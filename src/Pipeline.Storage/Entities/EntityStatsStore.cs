using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Aggregates;
using Pipeline.Core.Coverage;
using Pipeline.Storage.Articles;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Entities;

/// <summary>
/// Entity totals, sharded, in two partitions per article. Partition "all" holds the all-time aggregates
/// "e|{entity}|{shard}" and the name index "n|{name slug}|{entity}"; partition "m{yyyyMM}" holds that month's
/// aggregates "m|{entity}|{shard}" and its days' "d{dd}|{entity}|{shard}". Only the sum of an entity's shards
/// means anything: readers add them up (a leaderboard is still one row-key range per period). Each writer adds AND
/// subtracts in one shard of its own (a shard may go negative; the sum stays exact), and moves to another at random
/// when another writer changes a row of it, so concurrent writers (up to the shard count) settle on distinct rows
/// even for the most popular entity, and each keeps its rows' ETags cached and reads nothing before writing.
/// Each partition also holds one receipt per article, "a|{article}": exactly what the article currently adds to
/// that partition's aggregates (compact JSON). A receipt and the aggregates it accounts for change in ONE entity-group transaction, each row
/// guarded by its ETag (Add for a new one), so: the totals are exactly the sum of the receipts whatever the
/// interleaving of workers; retries are idempotent (re-applying finds nothing to change); a crash leaves either
/// both or neither written. An article with so many entities that its rows exceed one transaction is applied
/// entity by entity in several, each carrying the receipt as applied so far.
/// </summary>
internal sealed class EntityStatsStore(TableClient table, int shards, TimeProvider timeProvider)
{
    public const string AllPeriod = "all";
    private const int MaxOperationsPerBatch = 100;
    private const int MaxAttempts = 200;
    private const int ReadParallelism = 8;
    private const string ReceiptPrefix = "a|";

    // Sum of squared polarities (millionths squared), for the spread of a tone; absent on rows written before it.
    private const string PolaritySquaresColumn = "PolaritySquares";

    private readonly AggregateCache _cache = new();
    private long _conflicts;
#pragma warning disable CA5394 // Load spreading only, not security.
    private int _shard = Random.Shared.Next(shards);
#pragma warning restore CA5394

    /// <summary>How many times a totals update lost an ETag race and was re-applied (a health signal for contention).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    public static string MonthPeriod(DateTimeOffset t) => "m" + TimeKeys.Month(t);

    public static string DayPeriod(DateTimeOffset t) => "d" + TimeKeys.Day(t);

    /// <summary>
    /// The partitions an article adds to: all-time and its month; an undated article (filed under its upload time)
    /// only all-time, so no windowed leaderboard places it on its upload day.
    /// </summary>
    public static IEnumerable<string> PartitionsOf(IndexState state) =>
        state.Undated ? [AllPeriod] : [AllPeriod, MonthPeriod(new DateTimeOffset(state.Ticks, TimeSpan.Zero))];

    /// <summary>
    /// Makes this article's contributions in <paramref name="partition"/> equal to <paramref name="desired"/> (their
    /// shard is chosen here), totals included. <paramref name="receiptMayExist"/> false (a new article) skips reading the receipt.
    /// <paramref name="ensureLockHeld"/> runs before each transaction and throws once the article's lock is about to expire.
    /// </summary>
    public async Task ApplyAsync(
        string partition, string articleId, IReadOnlyList<StoredContribution> desired, bool receiptMayExist, Action ensureLockHeld, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var receipt = receiptMayExist || attempt > 1 ? await ReadReceiptAsync(partition, articleId, cancellationToken) : Receipt.None;
            var shard = Volatile.Read(ref _shard);
            var want = desired.ToDictionary(c => c.EntityId, StringComparer.Ordinal);
            var changed = want.Keys.Union(receipt.Contributions.Keys, StringComparer.Ordinal)
                .Where(id => want.GetValueOrDefault(id) != receipt.Contributions.GetValueOrDefault(id))
                .Order(StringComparer.Ordinal)
                .Select(id => EntityPlan.For(partition, shard, want.GetValueOrDefault(id), receipt.Contributions.GetValueOrDefault(id)))
                .ToList();
            if (changed.Count == 0)
            {
                return;
            }

            var failure = await TryApplyAsync(partition, articleId, changed, receipt, readMisses: attempt > 1, ensureLockHeld, cancellationToken);
            if (failure is null)
            {
                return;
            }

            Interlocked.Increment(ref _conflicts);
            if (failure.Value.ShardContended && shards > 1)
            {
                // Another writer changed a row we had read or written (a 409 only means a row we had not seen
                // exists): it uses our shard, so move to another one.
#pragma warning disable CA5394 // Load spreading only, not security.
                Volatile.Write(ref _shard, (shard + 1 + Random.Shared.Next(shards - 1)) % shards);
#pragma warning restore CA5394
            }

            if (attempt >= MaxAttempts)
            {
                throw new TimeoutException($"Entity totals in '{partition}' stayed contended after {MaxAttempts} attempts.");
            }

#pragma warning disable CA5394 // Jitter only, not security.
            var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (Math.Min(attempt, 10) * 20)));
#pragma warning restore CA5394
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    public async Task<EntityTotals?> GetAsync(string entityId, CancellationToken cancellationToken)
    {
        var prefix = "e|" + entityId + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AllPeriod} and RowKey ge {prefix} and RowKey lt {UpperBound(prefix)}");
        var totals = new Dictionary<string, EntityTotals>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            Add(totals, e);
        }

        return totals.GetValueOrDefault(entityId) is { Articles: > 0 } t ? t : null;
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

    /// <summary>Adds every aggregate shard that is not all zeros (a shard may be negative; the sum is not) in <paramref name="period"/> ("all", "m{yyyyMM}", "d{yyyyMMdd}") into <paramref name="totals"/>.</summary>
    public async Task AddPeriodAsync(string period, string? categoryKey, Dictionary<string, EntityTotals> totals, CancellationToken cancellationToken)
    {
        var (partition, prefix) = Locate(period);
        // Entities only: the corpus pseudo-entities ('~...') sort after every entity id.
        var upper = prefix + CorpusContributions.Marker;
        // A shard can hold 0 articles but not 0 mentions (one version added in one shard, the next in another).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {upper}")
            + TableClient.CreateQueryFilter($" and (Articles ne {0L} or Mentions ne {0L} or PolarityMicro ne {0L} or Scored ne {0L})")
            + (categoryKey is null ? "" : TableClient.CreateQueryFilter($" and CategoryKey eq {categoryKey}"));
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            Add(totals, e);
        }
    }

    /// <summary>
    /// The sums of the corpus pseudo-entities (<see cref="CorpusContributions"/>) whose ids start with
    /// <paramref name="idPrefix"/> in <paramref name="period"/> ("all", "m{yyyyMM}", "d{yyyyMMdd}"), by id: one
    /// row-key range, a row per pseudo-entity and shard.
    /// </summary>
    public async Task<Dictionary<string, (string Name, CoverageTotals Totals)>> SumCorpusAsync(string period, string idPrefix, CancellationToken cancellationToken)
    {
        var (partition, prefix) = Locate(period);
        var from = prefix + idPrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {UpperBound(from)}");
        var sums = new Dictionary<string, (string Name, CoverageTotals Totals)>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var id = e.GetString("EntityId");
            if (!sums.TryGetValue(id, out var sum))
            {
                sums[id] = sum = (e.GetString("Name") ?? "", new CoverageTotals());
            }

            sum.Totals.Add(e.GetInt64("Articles") ?? 0, e.GetInt64("Mentions") ?? 0, e.GetInt64("Scored") ?? 0, e.GetInt64("PolarityMicro") ?? 0, e.GetInt64(PolaritySquaresColumn) ?? 0);
        }

        return sums;
    }

    /// <summary>Adds contributions read from articles (partial days) into <paramref name="totals"/>.</summary>
    public static void AddContributions(IEnumerable<StoredContribution> contributions, string? categoryKey, Dictionary<string, EntityTotals> totals)
    {
        foreach (var c in contributions.Where(c => categoryKey is null || string.Equals(c.Category, categoryKey, StringComparison.OrdinalIgnoreCase)))
        {
            Total(totals, c.EntityId, c.Name, c.Category).Add(1, c.Mentions, c.PolarityMicro ?? 0, c.PolarityMicro is null ? 0 : 1);
        }
    }

    private static EntityTotals Total(Dictionary<string, EntityTotals> totals, string id, string name, string category)
    {
        if (!totals.TryGetValue(id, out var t))
        {
            totals[id] = t = new EntityTotals(id, name, category);
        }

        t.PreferName(name);
        return t;
    }

    private static void Add(Dictionary<string, EntityTotals> totals, TableEntity e) =>
        Total(totals, e.GetString("EntityId"), e.GetString("Name"), e.GetString("Category"))
            .Add(e.GetInt64("Articles") ?? 0, e.GetInt64("Mentions") ?? 0, e.GetInt64("PolarityMicro") ?? 0, e.GetInt64("Scored") ?? 0);

    // The partition and row-key prefix of a period's aggregates.
    private static (string Partition, string Prefix) Locate(string period) => period[0] switch
    {
        'd' => ("m" + period[1..7], "d" + period[7..9] + "|"),
        'm' => (period, "m|"),
        _ => (AllPeriod, "e|"),
    };

    // "e|" -> "e}": the first key after every key with the prefix ('}' follows '|').
    private static string UpperBound(string prefix) => prefix[..^1] + "}";

    private async Task<Receipt> ReadReceiptAsync(string partition, string articleId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, ReceiptPrefix + articleId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } r
            ? new Receipt(StoredContribution.Read(r).ToDictionary(c => c.EntityId, StringComparer.Ordinal), r.ETag)
            : Receipt.None;
    }

    /// <summary>
    /// One attempt: null when applied, else the 409/412 that failed it (the caller re-reads and retries) and whether
    /// another writer is using our shard.
    /// </summary>
    private async Task<(int Status, bool ShardContended)?> TryApplyAsync(
        string partition, string articleId, List<EntityPlan> plans, Receipt receipt, bool readMisses, Action ensureLockHeld, CancellationToken cancellationToken)
    {
        var aggregates = await ReadAggregatesAsync(partition, plans, readMisses, cancellationToken);
        var applied = new Dictionary<string, StoredContribution>(receipt.Contributions, StringComparer.Ordinal);
        var receiptETag = receipt.ETag;
        foreach (var chunk in Chunks(plans))
        {
            foreach (var plan in chunk)
            {
                if (plan.Want is { } want)
                {
                    applied[plan.EntityId] = want;
                }
                else
                {
                    applied.Remove(plan.EntityId);
                }
            }

            var actions = new List<TableTransactionAction>();
            if (ReceiptAction(partition, articleId, applied, receiptETag) is { } receiptAction)
            {
                actions.Add(receiptAction);
            }

            var written = new List<(int Index, TableEntity Row)>();
            foreach (var plan in chunk)
            {
                foreach (var (rowKey, delta) in plan.Rows)
                {
                    var existing = aggregates.GetValueOrDefault(rowKey);
                    if (AggregateRow(partition, rowKey, plan, delta, existing) is not { } row)
                    {
                        continue;
                    }

                    written.Add((actions.Count, row));
                    actions.Add(existing is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, row)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.ETag));
                    if (existing is null && partition == AllPeriod && !CorpusContributions.IsPseudo(plan.EntityId))
                    {
                        var any = plan.Want ?? plan.Have!;
                        var name = new TableEntity(partition, "n|" + EntityContribution.NameKey(any.Name) + "|" + any.EntityId) { ["EntityId"] = any.EntityId };
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, name));
                    }
                }
            }

            if (actions.Count == 0)
            {
                continue;
            }

            ensureLockHeld();
            try
            {
                var responses = (await table.SubmitTransactionAsync(actions, cancellationToken)).Value;
                foreach (var (index, row) in written)
                {
                    if (responses[index].Headers.ETag is { } etag)
                    {
                        row.ETag = etag;
                        _cache.Set(row);
                    }
                    else
                    {
                        _cache.Remove(partition, row.RowKey);
                    }
                }

                receiptETag = applied.Count == 0 ? null
                    : responses[0].Headers.ETag ?? (await ReadReceiptAsync(partition, articleId, cancellationToken)).ETag;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer changed one of these rows since we read or wrote it (or created one we thought
                // absent). The transaction rolled back, so only the failed row's cached ETag is stale.
                var failed = ex.FailedTransactionActionIndex is { } index && index < actions.Count ? actions[index].Entity.RowKey : null;
                foreach (var (_, row) in written.Where(w => failed is null || w.Row.RowKey == failed))
                {
                    _cache.Remove(partition, row.RowKey);
                }

                return (ex.Status, ex.Status == 412);
            }
        }

        return null;
    }

    private static TableTransactionAction? ReceiptAction(string partition, string articleId, Dictionary<string, StoredContribution> applied, ETag? etag)
    {
        if (applied.Count == 0)
        {
            return etag is { } e ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ReceiptPrefix + articleId), e) : null;
        }

        var row = new TableEntity(partition, ReceiptPrefix + articleId);
        StoredContribution.Write(row, applied.Values.OrderBy(c => c.EntityId, StringComparer.Ordinal).ToList());
        return etag is { } current
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current)
            : new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    /// <summary>The new aggregate row, or null when nothing about it changes.</summary>
    private static TableEntity? AggregateRow(string partition, string rowKey, EntityPlan plan, RowDelta delta, TableEntity? existing)
    {
        var any = plan.Want ?? plan.Have!;
        var currentName = existing?.GetString("Name");
        var name = currentName is null ? any.Name : delta.Added && plan.Want is { } want ? EntityNames.Prefer(currentName, want.Name) : currentName;
        if (existing is not null && delta.IsZero && string.Equals(name, currentName, StringComparison.Ordinal))
        {
            // Zero totals stay as rows (filtered out by queries) so the ETag check keeps working for the next writer.
            return null;
        }

        return new TableEntity(partition, rowKey)
        {
            ["EntityId"] = any.EntityId,
            ["Name"] = name,
            ["Category"] = any.Category,
            ["CategoryKey"] = any.Category.ToLowerInvariant(),
            ["Articles"] = (existing?.GetInt64("Articles") ?? 0) + delta.Articles,
            ["Mentions"] = (existing?.GetInt64("Mentions") ?? 0) + delta.Mentions,
            ["PolarityMicro"] = (existing?.GetInt64("PolarityMicro") ?? 0) + delta.PolarityMicro,
            ["Scored"] = (existing?.GetInt64("Scored") ?? 0) + delta.Scored,
            [PolaritySquaresColumn] = (existing?.GetInt64(PolaritySquaresColumn) ?? 0) + delta.PolaritySquares,
        };
    }

    /// <summary>
    /// The current aggregate rows the plans touch: from the cache, else read. A row the receipt already adds to
    /// exists, so it is read when not cached; a row only being added to is assumed absent (Add) unless
    /// <paramref name="readMisses"/> — a wrong guess is a 409 and a retry that reads.
    /// </summary>
    private async Task<Dictionary<string, TableEntity>> ReadAggregatesAsync(
        string partition, List<EntityPlan> plans, bool readMisses, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        var toRead = new List<string>();
        foreach (var (rowKey, delta) in plans.SelectMany(p => p.Rows))
        {
            if (_cache.Get(partition, rowKey) is { } cached)
            {
                found[rowKey] = cached;
            }
            else if (readMisses || delta.Subtracted)
            {
                toRead.Add(rowKey);
            }
        }

        await Parallel.ForEachAsync(
            toRead,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (rowKey, ct) =>
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
                if (row.HasValue && row.Value is { } value)
                {
                    _cache.Set(value);
                    found[rowKey] = value;
                }
            });
        return new Dictionary<string, TableEntity>(found, StringComparer.Ordinal);
    }

    // An entity's rows and its receipt entry always travel in one transaction; the receipt takes one operation.
    private static IEnumerable<List<EntityPlan>> Chunks(List<EntityPlan> plans)
    {
        var chunk = new List<EntityPlan>();
        var operations = 1;
        foreach (var plan in plans)
        {
            var size = plan.Rows.Count + 1; // + a possible name-index row
            if (chunk.Count > 0 && operations + size > MaxOperationsPerBatch)
            {
                yield return chunk;
                (chunk, operations) = ([], 1);
            }

            chunk.Add(plan);
            operations += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private sealed record Receipt(IReadOnlyDictionary<string, StoredContribution> Contributions, ETag? ETag)
    {
        public static readonly Receipt None = new(new Dictionary<string, StoredContribution>(StringComparer.Ordinal), null);
    }

    /// <summary>What changing one entity's contribution from <see cref="Have"/> to <see cref="Want"/> does to each aggregate row.</summary>
    private sealed record EntityPlan(string EntityId, StoredContribution? Want, StoredContribution? Have, Dictionary<string, RowDelta> Rows)
    {
        public static EntityPlan For(string partition, int shard, StoredContribution? want, StoredContribution? have)
        {
            var rows = new Dictionary<string, RowDelta>(StringComparer.Ordinal);
            if (have is not null)
            {
                foreach (var key in RowKeys(partition, shard, have))
                {
                    rows[key] = rows.GetValueOrDefault(key).Plus(have, sign: -1);
                }
            }

            if (want is not null)
            {
                foreach (var key in RowKeys(partition, shard, want))
                {
                    rows[key] = rows.GetValueOrDefault(key).Plus(want, sign: 1);
                }
            }

            return new EntityPlan((want ?? have!).EntityId, want, have, rows);
        }

        // "e|{id}|{shard}" in "all"; "m|{id}|{shard}" and "d{dd}|{id}|{shard}" in a month partition.
        private static IEnumerable<string> RowKeys(string partition, int shard, StoredContribution c)
        {
            var suffix = "|" + c.EntityId + "|" + shard.ToString(CultureInfo.InvariantCulture);
            if (partition == AllPeriod)
            {
                return ["e" + suffix];
            }

            return ["m" + suffix, "d" + new DateTime(c.Ticks, DateTimeKind.Utc).ToString("dd", CultureInfo.InvariantCulture) + suffix];
        }
    }

    /// <summary>Change of one aggregate row; <see cref="Added"/>/<see cref="Subtracted"/> say which versions touch it.</summary>
    private readonly record struct RowDelta(long Articles, long Mentions, long PolarityMicro, long Scored, long PolaritySquares, bool Added, bool Subtracted)
    {
        public bool IsZero => Articles == 0 && Mentions == 0 && PolarityMicro == 0 && Scored == 0 && PolaritySquares == 0;

        public RowDelta Plus(StoredContribution c, int sign) => new(
            Articles + sign,
            Mentions + (sign * c.Mentions),
            PolarityMicro + (sign * (c.PolarityMicro ?? 0)),
            Scored + (c.PolarityMicro is null ? 0 : sign),
            PolaritySquares + (sign * (c.PolarityMicro is { } p ? p * p : 0)),
            Added || sign > 0,
            Subtracted || sign < 0);
    }
}

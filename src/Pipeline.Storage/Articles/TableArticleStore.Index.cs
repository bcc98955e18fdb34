using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Articles;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

// Index rows. An article's time row and its per-entity rows share the month partition of ArticlesByTime
// ("{inverted ticks}_{id}" and "x|{entity}|{inverted ticks}_{id}"), so all of them go in one entity-group
// transaction (or a few, for very many entities) instead of one request per entity; the source row is one more.
public sealed partial class TableArticleStore
{
    /// <summary>Row-key prefix of the per-entity rows in a month partition of the time index.</summary>
    internal static string EntityKeyPrefix(string entityId) => "x|" + entityId + "|";

    private const int MaxOperationsPerBatch = 100;

    // A transaction's body must stay under 4 MiB; rows carry clipped strings of up to 4,000 chars each.
    private const long MaxBatchBytes = 3L * 1024 * 1024;

    private async Task WriteIndexRowsAsync(
        ArticleRecord record, IndexState state, IReadOnlyList<StoredContribution> contributions, LockLease lease, CancellationToken cancellationToken)
    {
        var month = TimeKeys.Month(record.Timestamp);
        var rowKey = TimeKeys.RowKey(record.Timestamp, record.Id);
        // The time index row carries the contributions: a leaderboard's partial days are summed from them.
        var timeRow = SummaryColumns.Create(month, rowKey, record);
        StoredContribution.Write(timeRow, contributions);
        var byEntity = contributions.ToDictionary(c => c.EntityId, StringComparer.Ordinal);
        var monthRows = state.EntityIds.Select(id => EntityRow(month, rowKey, record, id, byEntity.GetValueOrDefault(id))).Prepend(timeRow);
        var writes = new List<Task> { SubmitAsync(_storage.ByTime, monthRows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), lease, cancellationToken) };
        if (state.SourceKey is { } source)
        {
            var sourceRow = new TableTransactionAction(TableTransactionActionType.UpsertReplace, SummaryColumns.Create(source, rowKey, record));
            writes.Add(SubmitAsync(_storage.BySource, [sourceRow], lease, cancellationToken));
        }

        if (state.Story is { } story)
        {
            var storyRow = new TableEntity(StoryPartition(story), record.Id)
            {
                [StoryUploaded] = record.Blob.LastModified, [StoryProcessedAt] = record.ProcessedAt, [StoryDuplicateOf] = record.DuplicateOf,
            };
            writes.Add(SubmitAsync(_storage.Articles, [new TableTransactionAction(TableTransactionActionType.UpsertReplace, storyRow)], lease, cancellationToken));
        }

        await Task.WhenAll(writes);
    }

    // An entity's index row says how the article treats that entity, so its article list needs no other read.
    private static TableEntity EntityRow(string month, string rowKey, ArticleRecord record, string entityId, StoredContribution? contribution)
    {
        var row = SummaryColumns.Create(month, EntityKeyPrefix(entityId) + rowKey, record);
        row[SummaryColumns.EntityMentions] = contribution?.Mentions;
        row[SummaryColumns.EntityPolarityMicro] = contribution?.PolarityMicro;
        return row;
    }

    /// <summary>Deletes the index rows of <paramref name="states"/> that <paramref name="except"/> does not also own.</summary>
    private async Task DeleteIndexRowsAsync(
        string articleId, IReadOnlyList<IndexState> states, IndexState? except, LockLease lease, CancellationToken cancellationToken)
    {
        var keep = except is null ? [] : IndexRowKeys(articleId, except).ToHashSet();
        var deletes = states.SelectMany(s => IndexRowKeys(articleId, s)).Distinct().Where(k => !keep.Contains(k));
        await Task.WhenAll(deletes.GroupBy(k => (k.Table, k.Partition)).Select(async group =>
        {
            var actions = group.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.RowKey), ETag.All)).ToList();
            try
            {
                await SubmitAsync(group.Key.Table, actions, lease, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Some rows were never written (a crash before them): one by one, where a missing row is no error.
                await Task.WhenAll(group.Select(k => k.Table.DeleteEntityAsync(k.Partition, k.RowKey, ETag.All, cancellationToken)));
            }
        }));
    }

    private IEnumerable<(TableClient Table, string Partition, string RowKey)> IndexRowKeys(string articleId, IndexState state)
    {
        var timestamp = new DateTimeOffset(state.Ticks, TimeSpan.Zero);
        var month = TimeKeys.Month(timestamp);
        var rowKey = TimeKeys.RowKey(timestamp, articleId);
        yield return (_storage.ByTime, month, rowKey);
        if (state.SourceKey is { } source)
        {
            yield return (_storage.BySource, source, rowKey);
        }

        foreach (var id in state.EntityIds)
        {
            yield return (_storage.ByTime, month, EntityKeyPrefix(id) + rowKey);
        }

        if (state.Story is { } story)
        {
            yield return (_storage.Articles, StoryPartition(story), articleId);
        }
    }

    /// <summary>Actions on one partition in as few entity-group transactions as the limits allow (a single action is a plain request).</summary>
    private static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, LockLease lease, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = Size(action.Entity);
            if (batch.Count > 0 && (batch.Count == MaxOperationsPerBatch || bytes + size > MaxBatchBytes))
            {
                lease.EnsureHeld();
                await SendAsync(table, batch, cancellationToken);
                (batch, bytes) = ([], 0);
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            lease.EnsureHeld();
            await SendAsync(table, batch, cancellationToken);
        }
    }

    private static async Task SendAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch is [{ ActionType: TableTransactionActionType.UpsertReplace } upsert])
        {
            await table.UpsertEntityAsync((TableEntity)upsert.Entity, TableUpdateMode.Replace, cancellationToken);
        }
        else if (batch is [{ ActionType: TableTransactionActionType.Delete } delete])
        {
            await table.DeleteEntityAsync(delete.Entity.PartitionKey, delete.Entity.RowKey, ETag.All, cancellationToken);
        }
        else
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    // Rough wire size of a row: enough to keep a transaction under its 4 MiB limit.
    private static long Size(ITableEntity entity) =>
        entity is TableEntity row ? 256 + row.Sum(p => (p.Key.Length * 2) + (p.Value is string s ? s.Length * 2 : 16)) : 256;
}

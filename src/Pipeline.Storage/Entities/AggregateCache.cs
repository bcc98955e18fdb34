using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Pipeline.Storage.Entities;

/// <summary>
/// The aggregate rows this process last wrote or read, with their ETags. Writes are guarded by those ETags, so a stale
/// entry costs one failed transaction (412, or 409 for a row another writer created) and a re-read — never a wrong total.
/// It saves the read before each update: a lone writer, or one whose shards nobody else touches, reads nothing.
/// </summary>
internal sealed class AggregateCache
{
    // Bounded by clearing: a cold entry costs one optimistic attempt, not correctness.
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(string Partition, string RowKey), TableEntity> _rows = new();

    public TableEntity? Get(string partition, string rowKey) => _rows.GetValueOrDefault((partition, rowKey));

    public void Set(TableEntity row)
    {
        if (_rows.Count >= MaxEntries)
        {
            _rows.Clear();
        }

        _rows[(row.PartitionKey, row.RowKey)] = row;
    }

    public void Remove(string partition, string rowKey) => _rows.TryRemove((partition, rowKey), out _);
}

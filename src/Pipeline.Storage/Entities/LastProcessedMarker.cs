using Azure.Data.Tables;

namespace Pipeline.Storage.Entities;

/// <summary>
/// When an article was last processed, for /api/status without reading every article row: each process writes the
/// newest processing time it has stored into one of a few rows ("z|last|{slot}" in the all-time partition), only when
/// that time advances, and readers take the newest of them. Two processes sharing a slot may leave it at the earlier
/// of two saves that overlapped; deleting an article does not move it back.
/// </summary>
internal sealed class LastProcessedMarker(TableClient table, int slots)
{
    private const string Prefix = "z|last|";
    private const string Column = "ProcessedAt";

#pragma warning disable CA5394 // Load spreading only, not security.
    private readonly string _rowKey = Prefix + Random.Shared.Next(slots).ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning restore CA5394
    private long _written;

    public async Task RecordAsync(DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        var ticks = processedAt.UtcTicks;
        if (ticks <= Volatile.Read(ref _written))
        {
            return;
        }

        await table.UpsertEntityAsync(new TableEntity(EntityStatsStore.AllPeriod, _rowKey) { [Column] = processedAt }, TableUpdateMode.Replace, cancellationToken);

        // Raised only once written, so a failed write is tried again by the retried save.
        var seen = Volatile.Read(ref _written);
        while (ticks > seen && Interlocked.CompareExchange(ref _written, ticks, seen) is var previous && previous != seen)
        {
            seen = previous;
        }
    }

    public async Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EntityStatsStore.AllPeriod} and RowKey ge {Prefix} and RowKey lt {"z|last}"}");
        DateTimeOffset? newest = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [Column], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset(Column) is { } at && (newest is null || at > newest))
            {
                newest = at;
            }
        }

        return newest;
    }
}

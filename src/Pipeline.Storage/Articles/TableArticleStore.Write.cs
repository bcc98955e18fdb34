using Pipeline.Core.Aggregates;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Articles;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

// Write path. Per article, writes are serialized by a lock on its Articles row (ETag-checked LockId/LockedUntil, a
// lease renewed by a heartbeat while the write runs: LockLease),
// so two workers handling two versions of one blob cannot interleave. Before touching any index the row records
// the keys about to be written as "pending"; the final replace of the row is the commit. A crash at any point
// leaves rows that the next save or delete of the article finds (committed + pending keys) and removes.
public sealed partial class TableArticleStore
{
    public async Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ArticleId.IsValid(record.Id) || !string.Equals(record.Id, record.Blob.ArticleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Article id '{record.Id}' does not match its blob '{record.Blob.Container}/{record.Blob.Name}'.", nameof(record));
        }

        var contributions = StoredContribution.From(EntityContribution.From(record).Values);
        var state = new IndexState(
            record.Timestamp.UtcTicks,
            record.Source is null ? null : KeyEncoder.SourceKey(record.Source),
            [.. contributions.Select(c => c.EntityId)],
            Undated: !record.IsDated,
            Story: record.ContentHash);

        var locked = await AcquireAsync(record.Id, state, record.Blob.LastModified, cancellationToken);
        if (locked is null)
        {
            return;
        }

        var (keys, hadKeys, lease) = locked.Value;
        await using var held = lease;
        var older = keys.All.Where(s => !SameKeys(s, state)).ToList();
        var newPartitions = EntityStatsStore.PartitionsOf(state).ToHashSet(StringComparer.Ordinal);
        var partitions = older.SelectMany(s => EntityStatsStore.PartitionsOf(s)).Concat(newPartitions).Distinct(StringComparer.Ordinal).ToList();

        // Under the lock these touch disjoint rows (stale deletes skip every key the new version owns),
        // so they run side by side; only the commit has to wait for all of them. An article that never had
        // keys has no receipts to read.
        var writes = Task.WhenAll(
            RegisterMonthAsync(record.Timestamp, cancellationToken),
            WriteIndexRowsAsync(record, state, contributions, lease, cancellationToken),
            DeleteIndexRowsAsync(record.Id, older, except: state, lease, cancellationToken),
            UploadRecordAsync(record, cancellationToken),
            Task.WhenAll(partitions.Select(p => _stats.ApplyAsync(p, record.Id, Totalled(p, newPartitions, record, state, contributions), hadKeys, lease.EnsureHeld, cancellationToken))));

        var row = ArticleRow.Create(record, AnalysisBlobName(record.Id));
        ArticleRow.WriteKeys(row, new IndexKeys(state, []));
        await CommitAsync(record.Id, lease, writes, etag => _storage.Articles.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken));
        await _lastProcessed.RecordAsync(record.ProcessedAt, cancellationToken);
    }

    public async Task DeleteAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(articleId))
        {
            return;
        }

        var locked = await AcquireAsync(articleId, adding: null, incomingVersion: null, cancellationToken);
        if (locked is null)
        {
            return;
        }

        var (keys, _, lease) = locked.Value;
        await using var held = lease;
        var states = keys.All.ToList();
        var partitions = states.SelectMany(s => EntityStatsStore.PartitionsOf(s)).Distinct(StringComparer.Ordinal);
        // Under the lock these touch disjoint rows; the commit (removing the row) waits for all of them.
        var writes = Task.WhenAll(
            Task.WhenAll(partitions.Select(p => _stats.ApplyAsync(p, articleId, [], receiptMayExist: true, lease.EnsureHeld, cancellationToken))),
            DeleteIndexRowsAsync(articleId, states, except: null, lease, cancellationToken),
            _storage.AnalysisContainer.GetBlobClient(AnalysisBlobName(articleId)).DeleteIfExistsAsync(cancellationToken: cancellationToken));
        await CommitAsync(articleId, lease, writes, etag => _storage.Articles.DeleteEntityAsync(articleId, ArticleRow.RowKey, etag, cancellationToken));
    }

    /// <summary>
    /// Takes the article's write lock, recording <paramref name="adding"/> as pending. Null when there is nothing
    /// to do: no row to delete, or a newer blob version is already stored. <c>HadKeys</c>: the row already owned
    /// keys (committed or pending), so rows of earlier writes may exist.
    /// </summary>
    private async Task<(IndexKeys Keys, bool HadKeys, LockLease Lease)?> AcquireAsync(
        string articleId, IndexState? adding, DateTimeOffset? incomingVersion, CancellationToken cancellationToken)
    {
        var waitLogged = false;
        while (true)
        {
            var existing = await _storage.Articles.GetEntityIfExistsAsync<TableEntity>(articleId, ArticleRow.RowKey, cancellationToken: cancellationToken);
            var now = _time.GetUtcNow();
            TableEntity row;
            if (existing.HasValue && existing.Value is { } current)
            {
                if (current.GetString(ArticleRow.LockId) is not null && current.GetDateTimeOffset(ArticleRow.LockedUntil) > now)
                {
                    if (!waitLogged)
                    {
                        LogWaitingForLock(_logger, articleId);
                        waitLogged = true;
                    }

#pragma warning disable CA5394 // Jitter only, not security.
                    await Task.Delay(TimeSpan.FromMilliseconds(50 + Random.Shared.Next(150)), _time, cancellationToken);
#pragma warning restore CA5394
                    continue;
                }

                if (incomingVersion is { } incoming && ArticleRow.Version(current) is { } stored && stored.LastModified > incoming)
                {
                    // An out-of-order retry of an older blob version must not overwrite newer results.
                    LogNewerStored(_logger, articleId, stored.LastModified, incoming);
                    return null;
                }

                row = current;
            }
            else if (adding is null)
            {
                return null;
            }
            else
            {
                row = new TableEntity(articleId, ArticleRow.RowKey);
            }

            var keys = ArticleRow.ReadKeys(row);
            var hadKeys = keys.All.Any();
            if (adding is not null && !keys.All.Any(s => SameKeys(s, adding)))
            {
                keys = keys with { Pending = [.. keys.Pending, adding] };
            }

            ArticleRow.WriteKeys(row, keys);
            row[ArticleRow.LockId] = Guid.NewGuid().ToString("N");
            row[ArticleRow.LockedUntil] = now + _storage.LockDuration;
            try
            {
                var response = existing.HasValue
                    ? await _storage.Articles.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)
                    : await _storage.Articles.AddEntityAsync(row, cancellationToken);
                var etag = response.Headers.ETag ?? throw new InvalidOperationException("Table storage returned no ETag.");
                return (keys, hadKeys, LockLease.Start(_storage.Articles, articleId, etag, now + _storage.LockDuration, _storage.LockDuration, _time, cancellationToken));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer took the lock or created the row first: look again.
            }
        }
    }

    /// <summary>
    /// Waits for the writes made under the lock, then commits with the lock's latest ETag. A failed write releases
    /// the lock at once, so the trigger's retry (or another worker) need not wait out the lease.
    /// </summary>
    private static async Task CommitAsync(string articleId, LockLease lease, Task writes, Func<ETag, Task<Azure.Response>> commit)
    {
        try
        {
            await writes;
        }
        catch
        {
            await lease.ReleaseAsync();
            throw;
        }

        try
        {
            await commit(await lease.StopAsync());
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Our lock expired and another writer took over (and may have deleted the row); it will finish the job.
            // Transient for the trigger.
            throw new TimeoutException(
                $"Article {articleId}: the write lock expired before the write finished (Storage:ArticleLockSeconds); the operation should be retried.", ex);
        }
    }

    /// <summary>What the article adds to the totals of <paramref name="partition"/>: its entities and the corpus pseudo-entities.</summary>
    private static IReadOnlyList<StoredContribution> Totalled(
        string partition, HashSet<string> newPartitions, ArticleRecord record, IndexState state, List<StoredContribution> entities)
    {
        if (!newPartitions.Contains(partition))
        {
            return []; // A partition only an older version added to.
        }

        var corpus = partition == EntityStatsStore.AllPeriod
            ? CorpusContributions.AllTime(record, state.SourceKey)
            : CorpusContributions.Monthly(record, state.SourceKey);
        return [.. entities, .. corpus];
    }

    private static bool SameKeys(IndexState a, IndexState b) =>
        a.Ticks == b.Ticks && a.Undated == b.Undated && string.Equals(a.SourceKey, b.SourceKey, StringComparison.Ordinal)
        && string.Equals(a.Story, b.Story, StringComparison.Ordinal) && a.EntityIds.SequenceEqual(b.EntityIds, StringComparer.Ordinal);
}

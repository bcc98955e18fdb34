using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Articles;

/// <summary>
/// An article's write lock, held as a short lease that a heartbeat renews (If-Match the lock's ETag) every quarter
/// of <c>Storage:ArticleLockSeconds</c> while the save runs. A process that dies stops renewing, so its lock lapses
/// at most one lease after its last heartbeat and the next writer takes over then; a live writer keeps its lock for
/// as long as its save takes. A writer stops writing a quarter of the lease before the lease it last renewed runs
/// out, so one slowed past its lock (overloaded storage, a long pause) does not write after another has taken over.
/// </summary>
internal sealed class LockLease : IAsyncDisposable
{
    private readonly TableClient _articles;
    private readonly string _articleId;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _heartbeat;
    private ETag _etag;
    private DateTimeOffset _lockedUntil;
    private bool _lost;

    private LockLease(TableClient articles, string articleId, ETag etag, DateTimeOffset lockedUntil, TimeSpan duration, TimeProvider time, CancellationToken cancellationToken)
    {
        _articles = articles;
        _articleId = articleId;
        _etag = etag;
        _lockedUntil = lockedUntil;
        _duration = duration;
        _time = time;
        _heartbeat = RenewAsync(cancellationToken);
    }

    /// <summary>Starts renewing a lock just taken: <paramref name="etag"/> is the row's, <paramref name="lockedUntil"/> its expiry.</summary>
    public static LockLease Start(TableClient articles, string articleId, ETag etag, DateTimeOffset lockedUntil, TimeSpan duration, TimeProvider time, CancellationToken cancellationToken) =>
        new(articles, articleId, etag, lockedUntil, duration, time, cancellationToken);

    /// <summary>Throws <see cref="TimeoutException"/> (transient: the trigger retries) once the lease is lost or nearly used up.</summary>
    public void EnsureHeld()
    {
        bool lost;
        DateTimeOffset writeUntil;
        lock (_gate)
        {
            lost = _lost;
            writeUntil = _lockedUntil - (_duration / 4);
        }

        if (lost || _time.GetUtcNow() >= writeUntil)
        {
            throw new TimeoutException(
                $"Article {_articleId}: the write lock {(lost ? "was taken over" : "is about to expire")} before the write finished (Storage:ArticleLockSeconds); the operation should be retried.");
        }
    }

    /// <summary>Stops the heartbeat (waiting for a renewal in flight) and returns the ETag the commit must match.</summary>
    public async Task<ETag> StopAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            return _etag;
        }
    }

    /// <summary>
    /// After a failed write: stops the heartbeat and lets the next writer in at once instead of after the lease.
    /// Best effort: if it fails, the lease lapses anyway. The rows the failed write left are recorded as pending.
    /// </summary>
    public async Task ReleaseAsync()
    {
        var etag = await StopAsync();
        using var timeout = new CancellationTokenSource(_duration, _time);
        var expired = new TableEntity(_articleId, ArticleRow.RowKey) { [ArticleRow.LockedUntil] = DateTimeOffset.UnixEpoch };
        await ((Task)_articles.UpdateEntityAsync(expired, etag, TableUpdateMode.Merge, timeout.Token)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_duration / 4, _time, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            // The renewal itself is not cancelled by StopAsync: had it reached storage unseen, the commit would hold a stale ETag.
            var until = _time.GetUtcNow() + _duration;
            var row = new TableEntity(_articleId, ArticleRow.RowKey) { [ArticleRow.LockedUntil] = until };
            try
            {
                var response = await _articles.UpdateEntityAsync(row, _etag, TableUpdateMode.Merge, cancellationToken);
                lock (_gate)
                {
                    _etag = response.Headers.ETag ?? throw new InvalidOperationException("Table storage returned no ETag.");
                    _lockedUntil = until;
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Another writer took the lock over (ours had lapsed): stop writing.
                lock (_gate)
                {
                    _lost = true;
                }

                return;
            }
            catch (RequestFailedException)
            {
                // Transient even after the SDK's retries: the next heartbeat tries again, and EnsureHeld stops the
                // writes if the lease runs short meanwhile.
            }
        }
    }
}

using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pipeline.Api.Health;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Storage.Blobs;

namespace Pipeline.Server.Watcher;

/// <summary>
/// The local trigger (Azurite has no Event Grid): takes uploads announced on the events queue at once, lists the
/// articles container on a schedule that backs off while nothing changes (<see cref="ListingSchedule"/>) to find
/// everything else, hands new or changed blobs to <see cref="ArticleProcessor"/> on one worker per core, removes
/// results of deleted blobs, and keeps receipts (blob name + ETag) so a restart neither reprocesses nor misses anything.
/// </summary>
/// <remarks>
/// This is the local equivalent of the Functions host's trigger retries: a blob that fails transiently is retried
/// with exponential backoff, and after <see cref="WatcherOptions.MaxAttempts"/> it is recorded as a failed article.
/// The work queue holds at most <see cref="WatcherOptions.MaxQueued"/> blobs: a listing that finds a bulk load waits for
/// room instead of holding every new blob in memory at once, and an announced upload waits behind that many, not the
/// whole load.
/// </remarks>
internal sealed partial class BlobWatcher(
    ArticleBlobSource source,
    ArticleEvents events,
    IReceiptStore receipts,
    ArticleProcessor processor,
    IOptions<WatcherOptions> options,
    WatcherStatus status,
    TimeProvider timeProvider,
    Readiness readiness,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    // Handled version of every blob, by 64-bit hashes of its name and ETag (no strings: at 100,000 blobs about 6 MB
    // instead of 21), stamped with the last listing that saw it. Deletions are the entries a complete listing did not
    // stamp; their names are then read from the receipts store.
    private readonly ConcurrentDictionary<ulong, Receipt> _handled = new();
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RetryState> _retries = new(StringComparer.Ordinal);
    private readonly WatcherOptions _options = options.Value;
    private readonly Channel<WorkItem> _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(options.Value.MaxQueued)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });
    private int _listing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The hosts start their services together: the container, the queue and the receipts store exist only then.
        await readiness.WhenReadyAsync(stoppingToken);
        await foreach (var receipt in receipts.ReadAsync(source.ContainerName, stoppingToken))
        {
            _handled[Hash(receipt.BlobName)] = new Receipt(Hash(receipt.ETag), Listing: 0);
        }

        var workerCount = _options.Concurrency > 0 ? _options.Concurrency : Environment.ProcessorCount;
        var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)).ToArray();
        LogStarted(logger, source.ContainerName, workerCount, _options.PollInterval.TotalMilliseconds, _handled.Count, events.IsAvailable);

        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), ListLoopAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _queue.Writer.TryComplete();
            await Task.WhenAll(workers.Select(w => w.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
        }
    }

    private async Task ListLoopAsync(CancellationToken cancellationToken)
    {
        var idleListings = 0;
        while (true)
        {
            var sweep = await SweepAsync(cancellationToken);
            idleListings = sweep.Queued == 0 ? idleListings + 1 : 0;
            var delay = ListingSchedule.NextDelay(idleListings, sweep.ListingTime, _options);
            status.NextListingIn = delay;
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>Hands announced uploads and deletions to the workers as they arrive.</summary>
    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        if (!events.IsAvailable)
        {
            return;
        }

        while (true)
        {
            IReadOnlyList<ArticleEvent> received;
            try
            {
                received = await events.ReceiveAsync(32, cancellationToken);
                foreach (var e in received)
                {
                    // Completed once handed on: should the app stop before processing it, the listing still finds the blob.
                    await EnqueueAsync(new WorkItem(e.BlobName, ETag: null, Deleted: e.Kind == ArticleEventKind.Deleted), cancellationToken);
                    await events.CompleteAsync(e, cancellationToken);
                }
            }
            catch (Exception ex) when (StorageOutage.Is(ex))
            {
                // The queue is unavailable: the listing still finds everything (an event not completed comes back
                // and is queued again, which is harmless); try again later.
                LogEventsFailed(logger, StorageOutage.StatusOf(ex), ex.Message);
                await Task.Delay(_options.MaxRetryDelay, timeProvider, cancellationToken);
                continue;
            }

            status.CountEvents(received.Count);
            if (received.Count == 0)
            {
                await Task.Delay(_options.EventsPollInterval, timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Lists the container and queues what changed.</summary>
    private async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var listing = Interlocked.Increment(ref _listing);
        var queued = 0;
        var waited = TimeSpan.Zero;

        // Time spent waiting for room in the queue is not listing: a sweep through a bulk load lasts as long as its
        // processing, and the schedule must not take that for the cost of listing.
        async ValueTask<int> QueueAsync(WorkItem item)
        {
            var asked = timeProvider.GetTimestamp();
            var added = await EnqueueAsync(item, cancellationToken);
            waited += timeProvider.GetElapsedTime(asked);
            return added ? 1 : 0;
        }

        try
        {
            await foreach (var blob in source.ListAsync(cancellationToken))
            {
                if (IsHandled(blob.Name, blob.ETag, listing))
                {
                    continue;
                }

                if (_retries.TryGetValue(blob.Name, out var retry) && retry.NotBefore > now)
                {
                    continue; // A retry is scheduled.
                }

                // Waits while the queue is full: the listing resumes where it stopped once the workers make room.
                queued += await QueueAsync(new WorkItem(blob.Name, blob.ETag, Deleted: false));
            }
        }
        catch (Exception ex) when (StorageOutage.Is(ex))
        {
            // Storage unavailable for this sweep: the next one tries again; nothing is lost.
            LogSweepFailed(logger, StorageOutage.StatusOf(ex), ex.Message);
            return new SweepResult(-1, timeProvider.GetElapsedTime(started) - waited);
        }

        // Handled before this listing began and not listed by it: deleted. (Handled since it began: stamped by MarkHandled.)
        if (_handled.Any(h => h.Value.Listing < listing))
        {
            await foreach (var receipt in receipts.ReadAsync(source.ContainerName, cancellationToken))
            {
                if (_handled.TryGetValue(Hash(receipt.BlobName), out var handled) && handled.Listing < listing)
                {
                    queued += await QueueAsync(new WorkItem(receipt.BlobName, ETag: null, Deleted: true));
                }
            }
        }

        status.SweepCompleted(now);
        return new SweepResult(queued, timeProvider.GetElapsedTime(started) - waited);
    }

    /// <summary>Stamps the blob as seen by this listing (so it is not taken for deleted); whether this version was handled.</summary>
    private bool IsHandled(string name, string eTag, int listing)
    {
        var key = Hash(name);
        while (_handled.TryGetValue(key, out var receipt))
        {
            // Compare-and-swap: a worker may record a newer version at the same moment; then look again.
            if (receipt.Listing >= listing || _handled.TryUpdate(key, receipt with { Listing = listing }, receipt))
            {
                return receipt.ETag == Hash(eTag);
            }
        }

        return false;
    }

    /// <summary>Queues the blob unless it is already queued or being processed, waiting for room in the queue.</summary>
    private async ValueTask<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd(item.Name, 0))
        {
            return false;
        }

        status.Pending = _inFlight.Count;
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken);
            return true;
        }
        catch
        {
            // Not queued (shutting down): the next listing finds the blob again.
            Release(item.Name);
            throw;
        }
    }

    /// <summary>The blob is no longer queued or being processed (a retry queues it again).</summary>
    private void Release(string name)
    {
        _inFlight.TryRemove(name, out _);
        status.Pending = _inFlight.Count;
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            BlobReference? version = null;
            using var article = PipelineTelemetry.StartArticle(item.Name);
            try
            {
                if (item.Deleted)
                {
                    await DeleteAsync(item.Name, cancellationToken);
                }
                else if (await source.DownloadAsync(item.Name, cancellationToken) is { } raw)
                {
                    version = raw.Blob;
                    await ProcessAsync(raw, cancellationToken);
                }

                // else: deleted since it was listed or announced; the delete event or next listing removes its results.
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Not swallowed: scheduled for a bounded number of retries, then recorded as a failed article.
                Release(item.Name);
                await OnTransientFailureAsync(item, version, ex, cancellationToken);
                continue;
            }

            Release(item.Name);
        }
    }

    /// <summary>Processes the downloaded version unless it was handled already.</summary>
    private async Task ProcessAsync(RawArticle raw, CancellationToken cancellationToken)
    {
        var name = raw.Blob.Name;
        if (_handled.TryGetValue(Hash(name), out var handled) && handled.ETag == Hash(raw.Blob.ETag))
        {
            return; // Announced and listed, or announced twice: this version is done.
        }

        var outcome = await processor.ProcessAsync(raw, cancellationToken);
        await MarkHandledAsync(name, raw.Blob.ETag, cancellationToken);
        if (outcome.Result == ProcessingResult.Failed)
        {
            status.CountFailed();
        }
        else
        {
            status.CountProcessed();
        }

    }

    private async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await processor.DeleteAsync(source.ContainerName, name, cancellationToken);
        await receipts.RemoveAsync(source.ContainerName, name, cancellationToken);
        _handled.TryRemove(Hash(name), out _);
        _retries.TryRemove(name, out _);
        status.CountDeleted();
    }

    private async Task MarkHandledAsync(string name, string eTag, CancellationToken cancellationToken)
    {
        await receipts.RecordAsync(source.ContainerName, name, eTag, cancellationToken);
        _handled[Hash(name)] = new Receipt(Hash(eTag), Volatile.Read(ref _listing));
        _retries.TryRemove(name, out _);
    }

    /// <param name="item">What failed.</param>
    /// <param name="version">The blob version that was read, when the download itself succeeded.</param>
    private async Task OnTransientFailureAsync(WorkItem item, BlobReference? version, Exception error, CancellationToken cancellationToken)
    {
        var eTag = version?.ETag ?? item.ETag;
        var attempts = _retries.TryGetValue(item.Name, out var previous) && (eTag is null || previous.ETag is null || previous.ETag == eTag)
            ? previous.Attempts + 1
            : 1;
        status.CountRetry();
        // Giving up needs a version to record the failure against; without one, the next listing supplies it.
        if (item.Deleted || attempts < _options.MaxAttempts || (version is null && item.ETag is null))
        {
            var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
            _retries[item.Name] = new RetryState(eTag ?? previous?.ETag, attempts, timeProvider.GetUtcNow() + delay);
            LogRetrying(logger, error, item.Name, attempts, _options.MaxAttempts, delay.TotalSeconds);
            PipelineTelemetry.CountOutcome("retried");
            _ = RetryLaterAsync(item with { ETag = eTag }, delay, cancellationToken);
            return;
        }

        var blob = version ?? new BlobReference(source.ContainerName, item.Name, item.ETag!, timeProvider.GetUtcNow());
        var reason = $"Processing failed {attempts} times; last error: {error.GetType().Name}: {error.Message}";
        try
        {
            await processor.RecordFailureAsync(blob, reason, cancellationToken);
            await MarkHandledAsync(item.Name, blob.ETag, cancellationToken);
            status.CountFailed();
            LogGaveUp(logger, error, item.Name, attempts);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // The store itself is failing: keep the retry state so the failure is recorded once it is back.
            _retries[item.Name] = new RetryState(blob.ETag, attempts - 1, timeProvider.GetUtcNow() + _options.MaxRetryDelay);
            LogSweepFailed(logger, (ex as Azure.RequestFailedException)?.Status ?? 0, ex.Message);
            _ = RetryLaterAsync(item, _options.MaxRetryDelay, cancellationToken);
        }
    }

    /// <summary>Queues the item again after its retry delay, without waiting for the next listing.</summary>
    private async Task RetryLaterAsync(WorkItem item, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
            await EnqueueAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // Shutting down: the receipts say what is left, and the next start's listing finds it.
        }
    }

    /// <param name="Queued">Blobs queued (-1: the listing failed).</param>
    /// <param name="ListingTime">How long the sweep took, less its waits for room in the queue.</param>
    private readonly record struct SweepResult(int Queued, TimeSpan ListingTime);

    /// <param name="ETag">The listed version; null when announced by an event or for deletions.</param>
    private sealed record WorkItem(string Name, string? ETag, bool Deleted);

    /// <param name="ETag">The handled version's ETag, hashed.</param>
    /// <param name="Listing">The last listing that saw this version (or began before it was handled); 0 = none yet.</param>
    private readonly record struct Receipt(ulong ETag, int Listing);

    // Two names of one container sharing a 64-bit hash: about one chance in 10^9 at 100,000 blobs. Should it happen,
    // the two would be processed again at each listing (each looks changed), and a deletion of one could go
    // unnoticed while the other exists.
    private static ulong Hash(string text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));

    private sealed record RetryState(string? ETag, int Attempts, DateTimeOffset NotBefore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching container {Container} with {Workers} workers, listing every {IntervalMs} ms or less often while idle; {Receipts} blobs already handled; upload events: {EventsAvailable}")]
    private static partial void LogStarted(ILogger logger, string container, int workers, double intervalMs, int receipts, bool eventsAvailable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the articles container failed ({Status}): {Message}; retrying next tick")]
    private static partial void LogSweepFailed(ILogger logger, int status, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the events queue failed ({Status}): {Message}; the listing still finds new blobs")]
    private static partial void LogEventsFailed(ILogger logger, int status, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {BlobName} failed (attempt {Attempt} of {MaxAttempts}); retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception error, string blobName, int attempt, int maxAttempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob {BlobName} failed {Attempts} times; recorded as a failed article")]
    private static partial void LogGaveUp(ILogger logger, Exception error, string blobName, int attempts);
}

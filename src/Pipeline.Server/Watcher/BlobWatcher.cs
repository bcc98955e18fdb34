using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Storage.Blobs;

namespace Pipeline.Server.Watcher;

/// <summary>
/// The local trigger (Azurite has no Event Grid): lists the articles container every poll interval, hands new or
/// changed blobs to <see cref="ArticleProcessor"/> on one worker per core, removes results of deleted blobs, and
/// keeps receipts (blob name + ETag) so a restart neither reprocesses nor misses anything.
/// </summary>
/// <remarks>
/// This is the local equivalent of the Functions host's trigger retries: a blob that fails transiently is retried
/// with exponential backoff, and after <see cref="WatcherOptions.MaxAttempts"/> it is recorded as a failed article.
/// </remarks>
internal sealed partial class BlobWatcher(
    ArticleBlobSource source,
    IReceiptStore receipts,
    ArticleProcessor processor,
    IOptions<WatcherOptions> options,
    WatcherStatus status,
    TimeProvider timeProvider,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, string> _handled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RetryState> _retries = new(StringComparer.Ordinal);
    private readonly WatcherOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (name, eTag) in await receipts.LoadAsync(source.ContainerName, stoppingToken))
        {
            _handled[name] = eTag;
        }

        var workerCount = _options.Concurrency > 0 ? _options.Concurrency : Environment.ProcessorCount;
        var queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleWriter = true });
        var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(() => WorkAsync(queue.Reader, stoppingToken), stoppingToken)).ToArray();
        LogStarted(logger, source.ContainerName, workerCount, _options.PollInterval.TotalMilliseconds, _handled.Count);

        try
        {
            using var timer = new PeriodicTimer(_options.PollInterval, timeProvider);
            do
            {
                await SweepAsync(queue.Writer, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers.Select(w => w.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
        }
    }

    private async Task SweepAsync(ChannelWriter<WorkItem> queue, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var present = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in source.ListAsync(cancellationToken))
            {
                present.Add(blob.Name);
                if (_handled.TryGetValue(blob.Name, out var handled) && handled == blob.ETag)
                {
                    continue;
                }

                if (_retries.TryGetValue(blob.Name, out var retry) && retry.ETag == blob.ETag && retry.NotBefore > now)
                {
                    continue;
                }

                if (_inFlight.TryAdd(blob.Name, 0))
                {
                    queue.TryWrite(new WorkItem(blob, Deleted: false));
                }
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            // Storage unavailable for this sweep: the next tick tries again; nothing is lost.
            LogSweepFailed(logger, ex.Status, ex.Message);
            return;
        }

        foreach (var name in _handled.Keys)
        {
            if (!present.Contains(name) && _inFlight.TryAdd(name, 0))
            {
                queue.TryWrite(new WorkItem(new ArticleBlobItem(name, "", now, 0), Deleted: true));
            }
        }

        status.Pending = _inFlight.Count;
        status.SweepCompleted(now);
    }

    private async Task WorkAsync(ChannelReader<WorkItem> queue, CancellationToken cancellationToken)
    {
        await foreach (var item in queue.ReadAllAsync(cancellationToken))
        {
            try
            {
                if (item.Deleted)
                {
                    await DeleteAsync(item.Blob.Name, cancellationToken);
                }
                else
                {
                    await ProcessAsync(item.Blob, cancellationToken);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Not swallowed: scheduled for a bounded number of retries, then recorded as a failed article.
                await OnTransientFailureAsync(item, ex, cancellationToken);
            }
            finally
            {
                _inFlight.TryRemove(item.Blob.Name, out _);
            }
        }
    }

    private async Task ProcessAsync(ArticleBlobItem blob, CancellationToken cancellationToken)
    {
        var raw = await source.DownloadAsync(blob.Name, cancellationToken);
        if (raw is null)
        {
            return; // Deleted since it was listed; the next sweep removes its results.
        }

        var outcome = await processor.ProcessAsync(raw, cancellationToken);
        await MarkHandledAsync(blob.Name, raw.Blob.ETag, cancellationToken);
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
        _handled.TryRemove(name, out _);
        _retries.TryRemove(name, out _);
        status.CountDeleted();
    }

    private async Task MarkHandledAsync(string name, string eTag, CancellationToken cancellationToken)
    {
        await receipts.RecordAsync(source.ContainerName, name, eTag, cancellationToken);
        _handled[name] = eTag;
        _retries.TryRemove(name, out _);
    }

    private async Task OnTransientFailureAsync(WorkItem item, Exception error, CancellationToken cancellationToken)
    {
        var blob = item.Blob;
        var attempts = _retries.TryGetValue(blob.Name, out var previous) && previous.ETag == blob.ETag ? previous.Attempts + 1 : 1;
        status.CountRetry();
        if (item.Deleted || attempts < _options.MaxAttempts)
        {
            var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
            _retries[blob.Name] = new RetryState(blob.ETag, attempts, timeProvider.GetUtcNow() + delay);
            LogRetrying(logger, error, blob.Name, attempts, _options.MaxAttempts, delay.TotalSeconds);
            return;
        }

        var reason = $"Processing failed {attempts} times; last error: {error.GetType().Name}: {error.Message}";
        try
        {
            await processor.RecordFailureAsync(new BlobReference(source.ContainerName, blob.Name, blob.ETag, blob.LastModified), reason, cancellationToken);
            await MarkHandledAsync(blob.Name, blob.ETag, cancellationToken);
            status.CountFailed();
            LogGaveUp(logger, error, blob.Name, attempts);
        }
        catch (Azure.RequestFailedException ex)
        {
            // Storage itself is failing: keep the retry state so the failure is recorded once storage is back.
            _retries[blob.Name] = new RetryState(blob.ETag, attempts - 1, timeProvider.GetUtcNow() + _options.MaxRetryDelay);
            LogSweepFailed(logger, ex.Status, ex.Message);
        }
    }

    private sealed record WorkItem(ArticleBlobItem Blob, bool Deleted);

    private sealed record RetryState(string ETag, int Attempts, DateTimeOffset NotBefore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching container {Container} with {Workers} workers every {IntervalMs} ms; {Receipts} blobs already handled")]
    private static partial void LogStarted(ILogger logger, string container, int workers, double intervalMs, int receipts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the articles container failed ({Status}): {Message}; retrying next tick")]
    private static partial void LogSweepFailed(ILogger logger, int status, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {BlobName} failed (attempt {Attempt} of {MaxAttempts}); retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception error, string blobName, int attempt, int maxAttempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob {BlobName} failed {Attempts} times; recorded as a failed article")]
    private static partial void LogGaveUp(ILogger logger, Exception error, string blobName, int attempts);
}

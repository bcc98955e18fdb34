namespace Pipeline.Api.Health;

/// <summary>
/// Set once start-up work (storage tables and containers, the embedded database) is done; /api/health reports it,
/// and work that needs storage (the local watcher) waits for it.
/// </summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public void MarkReady() => _ready.TrySetResult();

    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);
}

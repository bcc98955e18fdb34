namespace Pipeline.Api.Health;

/// <summary>
/// Reports ready once every hosted service has started (the storage initializers among them). Marking it in
/// <see cref="StartedAsync"/> holds whether the host starts its services one after another or all at once.
/// </summary>
internal sealed class StartupInitializer(Readiness readiness) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        readiness.MarkReady();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

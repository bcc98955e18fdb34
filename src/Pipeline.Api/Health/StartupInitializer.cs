namespace Pipeline.Api.Health;

/// <summary>
/// Reports ready once every hosted service registered before it has started. Hosted services start in
/// registration order, and AddPipelineStorage registers the storage initializer (tables, containers) ahead of this.
/// </summary>
internal sealed class StartupInitializer(Readiness readiness) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        readiness.MarkReady();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

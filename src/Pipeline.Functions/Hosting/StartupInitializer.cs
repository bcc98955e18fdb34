using Pipeline.Storage;

namespace Pipeline.Functions.Hosting;

/// <summary>Creates tables and containers before the app reports ready; fails start-up loudly if storage is unreachable.</summary>
internal sealed class StartupInitializer(StorageInitializer storage, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;

namespace Pipeline.Storage.Configuration;

/// <summary>Creates the tables and containers at start-up, so no request path has to.</summary>
public sealed class StorageInitializer(StorageTables storage) : IHostedService
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(storage.AllTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(storage.AllContainers.Select(c => c.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage.Configuration;

/// <summary>Creates the tables and containers at start-up (unless Storage:CreateResources is false), so no request path has to.</summary>
public sealed class StorageInitializer(StorageTables storage, IOptions<StorageOptions> options) : IHostedService
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(storage.AllTables.Select(t => storage.TableService.CreateTableIfNotExistsAsync(t.Name, cancellationToken)));
        await Task.WhenAll(storage.AllContainers.Select(c => c.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateResources ? EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

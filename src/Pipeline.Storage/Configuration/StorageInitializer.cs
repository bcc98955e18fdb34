using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Blobs;

namespace Pipeline.Storage.Configuration;

/// <summary>
/// Creates the articles container at start-up, and the tables and analysis container when results go to Table
/// storage (unless Storage:CreateResources is false), so no request path has to.
/// </summary>
public sealed class StorageInitializer(StorageTables storage, ArticleEvents events, IOptions<StorageOptions> options) : IHostedService
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == ResultsStoreProvider.AzureTables)
        {
            await Task.WhenAll(storage.AllTables.Select(t => storage.TableService.CreateTableIfNotExistsAsync(t.Name, cancellationToken)));
            await storage.AnalysisContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await storage.ArticlesContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await events.CreateIfNotExistsAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateResources ? EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

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
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        // All at once: independent resources, and at start-up each first call is mostly the SDK's JIT.
        List<Task> creating =
        [
            storage.ArticlesContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            events.CreateIfNotExistsAsync(cancellationToken),
        ];
        if (options.Value.Provider == ResultsStoreProvider.AzureTables)
        {
            creating.AddRange(storage.AllTables.Select(t => storage.TableService.CreateTableIfNotExistsAsync(t.Name, cancellationToken)));
            creating.Add(storage.AnalysisContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        }

        return Task.WhenAll(creating);
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateResources ? EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

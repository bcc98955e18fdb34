using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Queries;
using Pipeline.Storage;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;

namespace Pipeline.Cli.Storage;

/// <summary>
/// The pipeline's storage as the app registers it (<see cref="StorageServiceCollectionExtensions.AddPipelineStorage"/>):
/// the same clients, retries, credentials and validation, without a host. Start-up resources are not created.
/// </summary>
internal sealed class StorageSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly string? _database;

    private StorageSession(ServiceProvider services, string? database)
    {
        _database = database;
        _services = services;
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value; // validates, naming what to set
        Articles = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.ArticlesContainer);
        _queries = services.GetRequiredService<IArticleQueries>();
        Events = services.GetRequiredService<ArticleEvents>();
    }

    /// <summary>Announces uploads to the local watcher (a no-op where no events queue is configured).</summary>
    public ArticleEvents Events { get; }

    /// <summary>The container articles are uploaded to.</summary>
    public BlobContainerClient Articles { get; }

    private readonly IArticleQueries _queries;

    /// <summary>The results; with the embedded store, only once the server has created its file.</summary>
    /// <exception cref="FileNotFoundException">The embedded store's file does not exist.</exception>
    public IArticleQueries Queries => _database is null || File.Exists(_database)
        ? _queries
        // Never create an empty results file by accident: the server creates it; the CLI reads it.
        : throw new FileNotFoundException(
            $"No results database at '{Path.GetFullPath(_database)}': start the local server (./run.sh) once, run this from the folder it runs in, or pass --database (or --store AzureTables).",
            _database);

    /// <exception cref="OptionsValidationException">The options name no usable storage.</exception>
    public static StorageSession Open(StorageSettings storage)
    {
        var options = storage.Storage;
        var settings = new Dictionary<string, string?>
        {
            [nameof(StorageOptions.Provider)] = options.Provider.ToString(),
            ["Sqlite:Path"] = storage.Database,
            [nameof(StorageOptions.EventsQueue)] = options.EventsQueue,
            [nameof(StorageOptions.ConnectionString)] = options.ConnectionString,
            [nameof(StorageOptions.BlobServiceUri)] = options.BlobServiceUri?.ToString(),
            [nameof(StorageOptions.TableServiceUri)] = options.TableServiceUri?.ToString(),
            [nameof(StorageOptions.ArticlesContainer)] = options.ArticlesContainer,
            [nameof(StorageOptions.AnalysisContainer)] = options.AnalysisContainer,
            [nameof(StorageOptions.TablePrefix)] = options.TablePrefix,
            [nameof(StorageOptions.CreateResources)] = "false",
        };
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPipelineStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        try
        {
            return new StorageSession(provider, options.Provider == ResultsStoreProvider.Sqlite ? storage.Database : null);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Coverage;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Storage.Articles;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Receipts;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The article blob source and the results store chosen by Storage:Provider: the article repository (as
    /// <see cref="IArticleRepository"/>, <see cref="IArticleQueries"/> and <see cref="ICoverageStore"/>) and the receipt store, in Azure Table storage
    /// or the embedded SQLite file; plus hosted initializers that create what they use.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="storage">The "Storage" configuration section.</param>
    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        services.AddOptions<StorageOptions>().Bind(storage).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => CreateTableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => CreateBlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<StorageTables>();
        services.TryAddSingleton<ArticleBlobSource>();
        services.TryAddSingleton(sp => new ArticleEvents(
            CreateEventsQueueClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value),
            sp.GetRequiredService<StorageTables>().ArticlesContainer,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ArticleEvents>>()));
        services.TryAddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());

        var provider = storage.GetValue(nameof(StorageOptions.Provider), ResultsStoreProvider.AzureTables);
        switch (provider)
        {
            case ResultsStoreProvider.AzureTables:
                services.TryAddSingleton<TableArticleStore>();
                services.TryAddSingleton<IArticleRepository>(sp => sp.GetRequiredService<TableArticleStore>());
                services.TryAddSingleton<IArticleQueries>(sp => sp.GetRequiredService<TableArticleStore>());
                services.TryAddSingleton<ICoverageStore>(sp => sp.GetRequiredService<TableArticleStore>());
                services.TryAddSingleton<IStoryIndex>(sp => sp.GetRequiredService<TableArticleStore>());
                services.TryAddSingleton<IReceiptStore, TableReceiptStore>();
                break;
            case ResultsStoreProvider.Sqlite:
                services.AddSqliteResultsStore(storage.GetSection(SqliteStorageOptions.SectionName));
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported (use AzureTables or Sqlite).");
        }

        return services;
    }

    internal static TableServiceClient CreateTableServiceClient(StorageOptions options)
    {
        var clientOptions = new TableClientOptions();
        ConfigureRetry(clientOptions.Retry, options);
        return options.UsesConnectionString
            ? new TableServiceClient(options.ConnectionString, clientOptions)
            : new TableServiceClient(options.TableServiceUri, CreateCredential(options), clientOptions);
    }

    internal static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions();
        ConfigureRetry(clientOptions.Retry, options);
        return options.UsesConnectionString
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(options.BlobServiceUri, CreateCredential(options), clientOptions);
    }

    /// <summary>The events queue, or null when neither a connection string nor a queue URI says where it is.</summary>
    internal static QueueClient? CreateEventsQueueClient(StorageOptions options)
    {
        var clientOptions = new QueueClientOptions();
        ConfigureRetry(clientOptions.Retry, options);
        if (options.UsesConnectionString)
        {
            return new QueueClient(options.ConnectionString, options.EventsQueue, clientOptions);
        }

        return options.QueueServiceUri is { } uri
            ? new QueueServiceClient(uri, CreateCredential(options), clientOptions).GetQueueClient(options.EventsQueue)
            : null;
    }

    private static DefaultAzureCredential CreateCredential(StorageOptions options) =>
        new(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId,
        });

    private static void ConfigureRetry(RetryOptions retry, StorageOptions options)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = options.MaxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(500);
        retry.MaxDelay = TimeSpan.FromSeconds(10);
        retry.NetworkTimeout = TimeSpan.FromSeconds(60);
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Storage.Articles;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Receipts;

namespace Pipeline.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table and blob storage: the article repository (as <see cref="IArticleRepository"/> and <see cref="IArticleQueries"/>),
    /// the receipt store, the article blob source, and a hosted initializer that creates tables and containers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="storage">The "Storage" configuration section.</param>
    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration storage)
    {
        services.AddOptions<StorageOptions>().Bind(storage).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => CreateTableServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp => CreateBlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<StorageTables>();
        services.TryAddSingleton<TableArticleStore>();
        services.TryAddSingleton<IArticleRepository>(sp => sp.GetRequiredService<TableArticleStore>());
        services.TryAddSingleton<IArticleQueries>(sp => sp.GetRequiredService<TableArticleStore>());
        services.TryAddSingleton<IReceiptStore, TableReceiptStore>();
        services.TryAddSingleton<ArticleBlobSource>();
        services.TryAddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
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

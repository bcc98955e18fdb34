using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Queries;
using Pipeline.Storage;
using Pipeline.Storage.Configuration;

namespace Pipeline.Cli.Storage;

/// <summary>
/// The pipeline's storage as the app registers it (<see cref="StorageServiceCollectionExtensions.AddPipelineStorage"/>):
/// the same clients, retries, credentials and validation, without a host. Start-up resources are not created.
/// </summary>
internal sealed class StorageSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageSession(ServiceProvider services)
    {
        _services = services;
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value; // validates, naming what to set
        Articles = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.ArticlesContainer);
        Queries = services.GetRequiredService<IArticleQueries>();
    }

    /// <summary>The container articles are uploaded to.</summary>
    public BlobContainerClient Articles { get; }

    public IArticleQueries Queries { get; }

    /// <exception cref="OptionsValidationException">The options name no usable storage.</exception>
    public static StorageSession Open(StorageOptions options)
    {
        var settings = new Dictionary<string, string?>
        {
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
            return new StorageSession(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

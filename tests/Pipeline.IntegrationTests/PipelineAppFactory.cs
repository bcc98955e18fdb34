using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>
/// The real app (local mode, real analyzer, watcher on) against real Azurite, with its own container and tables
/// so tests never see each other's data. Create a second factory over the same <see cref="Names"/> to simulate a restart.
/// </summary>
public sealed class PipelineAppFactory(AzuriteFixture azurite, StorageNames names, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public StorageNames Names => names;

    public BlobContainerClient Articles => azurite.CreateBlobServiceClient().GetBlobContainerClient(names.Articles);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:ArticlesContainer", names.Articles);
        builder.UseSetting("Storage:AnalysisContainer", names.Analysis);
        builder.UseSetting("Storage:TablePrefix", names.TablePrefix);
        builder.UseSetting("Storage:Sqlite:Path", names.Database);
        builder.UseSetting("Storage:EventsQueue", names.Events);
        builder.UseSetting("Watcher:Enabled", "true");
        builder.UseSetting("Watcher:PollInterval", "00:00:00.100");
        builder.UseSetting("Watcher:RetryDelay", "00:00:00.100");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<BlobContentInfo> UploadAsync(string name, string content, string? contentType = "text/plain; charset=utf-8", IDictionary<string, string>? metadata = null) =>
        await UploadAsync(name, System.Text.Encoding.UTF8.GetBytes(content), contentType, metadata);

    public async Task<BlobContentInfo> UploadAsync(string name, byte[] content, string? contentType, IDictionary<string, string>? metadata = null)
    {
        await Articles.CreateIfNotExistsAsync();
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata };
        var response = await Articles.GetBlobClient(name).UploadAsync(new BinaryData(content), options);
        return response.Value;
    }
}

/// <summary>Unique storage names for one test's app.</summary>
public sealed record StorageNames(string Articles, string Analysis, string TablePrefix)
{
    /// <summary>The queue of upload events the app's watcher reads.</summary>
    public string Events => "events-" + TablePrefix[1..];

    /// <summary>The embedded results store's file (the local app's default store); a restart reopens the same file.</summary>
    public string Database => Path.Combine(Path.GetTempPath(), $"pipeline-{TablePrefix}.db");

    public static StorageNames Unique()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new StorageNames("articles-" + id, "analysis-" + id, "t" + id);
    }
}

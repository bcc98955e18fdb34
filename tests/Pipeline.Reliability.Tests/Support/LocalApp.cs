using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Queries;
using Pipeline.Testing;

namespace Pipeline.Reliability.Tests.Support;

/// <summary>
/// The local server as users run it (watcher on, SQLite results) over its own container in the shared Azurite,
/// with extra <paramref name="settings"/> (e.g. the analyzer pointed at a stub).
/// </summary>
internal sealed class LocalApp(AzuriteFixture azurite, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];

    public BlobContainerClient Articles => azurite.CreateBlobServiceClient().GetBlobContainerClient("articles-" + _id);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:ArticlesContainer", "articles-" + _id);
        builder.UseSetting("Storage:AnalysisContainer", "analysis-" + _id);
        builder.UseSetting("Storage:EventsQueue", "events-" + _id);
        builder.UseSetting("Storage:TablePrefix", "t" + _id);
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(Path.GetTempPath(), $"pipeline-reliability-{_id}.db"));
        builder.UseSetting("Watcher:Enabled", "true");
        builder.UseSetting("Watcher:PollInterval", "00:00:00.100");
        builder.UseSetting("Watcher:RetryDelay", "00:00:00.100");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task UploadAsync(string name, string text)
    {
        await Articles.CreateIfNotExistsAsync();
        await Articles.GetBlobClient(name).UploadAsync(
            new BinaryData(text), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } });
    }

    /// <summary>Waits until <paramref name="count"/> articles are stored (processed or failed) and returns them.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> WaitForArticlesAsync(int count, TimeSpan timeout)
    {
        var queries = Services.GetRequiredService<IArticleQueries>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var stored = (await queries.ListArticlesAsync(new ArticleQuery { Top = ArticleQuery.MaxTop }, CancellationToken.None)).Items;
            if (stored.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                return stored;
            }

            await Task.Delay(100);
        }
    }
}

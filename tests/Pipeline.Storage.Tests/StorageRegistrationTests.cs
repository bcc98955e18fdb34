using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Sqlite;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageRegistrationTests(AzuriteFixture azurite)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPipelineStorage(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddPipelineStorage_ConnectionString_RegistersOneStoreForBothSidesAndCreatesTables()
    {
        var prefix = AzuriteFixture.UniqueName("t");
        var articles = AzuriteFixture.UniqueName("art");
        using var sp = Build(new()
        {
            ["ConnectionString"] = azurite.ConnectionString,
            ["TablePrefix"] = prefix,
            ["ArticlesContainer"] = articles,
            ["AnalysisContainer"] = AzuriteFixture.UniqueName("ana"),
        });

        foreach (var hosted in sp.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.Same(sp.GetRequiredService<IArticleRepository>(), sp.GetRequiredService<IArticleQueries>());
        Assert.NotNull(sp.GetRequiredService<IReceiptStore>());
        Assert.Equal(articles, sp.GetRequiredService<ArticleBlobSource>().ContainerName);
        Assert.True((await sp.GetRequiredService<StorageTables>().ArticlesContainer.ExistsAsync()).Value);
        var page = await sp.GetRequiredService<IArticleQueries>().ListArticlesAsync(new ArticleQuery(), CancellationToken.None);
        Assert.Empty(page.Items);
    }

    [Theory]
    [InlineData(null, null, null, "set ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", "https://a.blob.core.windows.net", "https://a.table.core.windows.net", "not both")]
    [InlineData(null, "https://a.blob.core.windows.net", null, "set ConnectionString")]
    [InlineData(null, "ftp://a.blob.core.windows.net", "https://a.table.core.windows.net", "not an absolute http(s)")]
    public void AddPipelineStorage_InvalidAuthentication_FailsValidation(string? connectionString, string? blobUri, string? tableUri, string message)
    {
        using var sp = Build(new() { ["ConnectionString"] = connectionString, ["BlobServiceUri"] = blobUri, ["TableServiceUri"] = tableUri });

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPipelineStorage_ManagedIdentityUris_ValidatesAndBuildsClients()
    {
        using var sp = Build(new()
        {
            ["BlobServiceUri"] = "https://acct.blob.core.windows.net",
            ["TableServiceUri"] = "https://acct.table.core.windows.net",
            ["ClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var tables = sp.GetRequiredService<StorageTables>();

        Assert.Equal("acct", tables.ArticlesContainer.AccountName);
        Assert.Equal("Articles", tables.Articles.Name);
    }

    [Theory]
    [InlineData("TablePrefix", "bad-prefix")]
    [InlineData("ArticlesContainer", "Upper")]
    [InlineData("AnalysisContainer", "articles")]
    public void AddPipelineStorage_InvalidNames_FailValidation(string key, string value)
    {
        using var sp = Build(new() { ["ConnectionString"] = "UseDevelopmentStorage=true", [key] = value });

        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    [Fact]
    public async Task AddPipelineStorage_SqliteProvider_RegistersEmbeddedStoreCreatesFileAndOnlyTheArticlesContainer()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-reg-").FullName;
        var database = Path.Combine(folder, "sub", "results.db");
        var articles = AzuriteFixture.UniqueName("art");
        var analysis = AzuriteFixture.UniqueName("ana");
        var prefix = AzuriteFixture.UniqueName("t");
        using (var sp = Build(new()
        {
            ["Provider"] = "Sqlite",
            ["Sqlite:Path"] = database,
            ["ConnectionString"] = azurite.ConnectionString,
            ["TablePrefix"] = prefix,
            ["ArticlesContainer"] = articles,
            ["AnalysisContainer"] = analysis,
        }))
        {
            foreach (var hosted in sp.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }

            Assert.IsType<SqliteArticleStore>(sp.GetRequiredService<IArticleRepository>());
            Assert.Same(sp.GetRequiredService<IArticleRepository>(), sp.GetRequiredService<IArticleQueries>());
            Assert.IsType<SqliteReceiptStore>(sp.GetRequiredService<IReceiptStore>());
            Assert.True(File.Exists(database));
            Assert.Empty((await sp.GetRequiredService<IArticleQueries>().ListArticlesAsync(new ArticleQuery(), CancellationToken.None)).Items);
            var tables = sp.GetRequiredService<StorageTables>();
            Assert.True((await tables.ArticlesContainer.ExistsAsync()).Value);
            Assert.False((await tables.AnalysisContainer.ExistsAsync()).Value);
            Assert.Empty(tables.TableService.Query(filter: $"TableName ge '{prefix}' and TableName lt '{prefix}~'"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void AddPipelineStorage_UnknownProvider_FailsAtRegistration()
    {
        Assert.ThrowsAny<InvalidOperationException>(() => Build(new() { ["Provider"] = "Cosmos", ["ConnectionString"] = "UseDevelopmentStorage=true" }));
    }
}

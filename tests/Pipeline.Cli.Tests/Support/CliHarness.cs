using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Processing;
using Pipeline.Storage;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Sqlite;
using Pipeline.Testing;
using Spectre.Console;

namespace Pipeline.Cli.Tests.Support;

/// <summary>What one CLI run printed: the console (tables, messages), standard output (exported data) and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Console, string Output, string Error);

/// <summary>
/// The CLI over its own container and tables in the shared Azurite, with the pipeline's store beside it (tables
/// created as the app creates them) so tests can seed articles and inspect blobs.
/// </summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliHarness(AzuriteFixture azurite)
    {
        ConnectionString = azurite.ConnectionString;
        Container = AzuriteFixture.UniqueName("articles");
        AnalysisContainer = AzuriteFixture.UniqueName("analysis");
        TablePrefix = AzuriteFixture.UniqueName("t");
        EventsQueue = AzuriteFixture.UniqueName("events");
        Database = Path.Combine(Path.GetTempPath(), TablePrefix + ".db");
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPipelineStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionString"] = ConnectionString,
            ["ArticlesContainer"] = Container,
            ["AnalysisContainer"] = AnalysisContainer,
            ["TablePrefix"] = TablePrefix,
            ["EventsQueue"] = EventsQueue,
            // The local server's default store, as the CLI finds it by default.
            ["Provider"] = "Sqlite",
            ["Sqlite:Path"] = Database,
        }).Build());
        _services = services.BuildServiceProvider();
        Articles = _services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Container);
    }

    public string ConnectionString { get; }
    public string Container { get; }
    public string AnalysisContainer { get; }
    public string TablePrefix { get; }
    public string EventsQueue { get; }
    public string Database { get; }
    public BlobContainerClient Articles { get; }
    public IArticleRepository Repository => _services.GetRequiredService<IArticleRepository>();

    /// <param name="azurite">The shared Azurite.</param>
    /// <param name="createStorage">Create the tables and containers as the app does at start-up; false: as before the app ever ran.</param>
    public static async Task<CliHarness> CreateAsync(AzuriteFixture azurite, bool createStorage = true)
    {
        var harness = new CliHarness(azurite);
        if (createStorage)
        {
            await harness._services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
            await harness._services.GetRequiredService<SqliteDatabase>().EnsureCreatedAsync(CancellationToken.None);
        }

        return harness;
    }

    /// <summary>Runs <c>pipeline ARGS</c> against this harness's storage.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var console = new StringWriter();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 240; // no wrapped table cells
        string[] storage =
        [
            "--connection-string", ConnectionString, "--container", Container,
            "--analysis-container", AnalysisContainer, "--table-prefix", TablePrefix,
            "--database", Database, "--events-queue", EventsQueue,
        ];
        var exitCode = await PipelineCli.RunAsync([.. args, .. storage], ansi, output, error, CancellationToken.None);
        return new CliRun(exitCode, console.ToString(), output.ToString(), error.ToString());
    }

    public async Task<Dictionary<string, Azure.Storage.Blobs.Models.BlobProperties>> BlobPropertiesAsync()
    {
        var result = new Dictionary<string, Azure.Storage.Blobs.Models.BlobProperties>(StringComparer.Ordinal);
        if (!await Articles.ExistsAsync())
        {
            return result;
        }

        await foreach (var blob in Articles.GetBlobsAsync())
        {
            result[blob.Name] = (await Articles.GetBlobClient(blob.Name).GetPropertiesAsync()).Value;
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Database);
    }
}

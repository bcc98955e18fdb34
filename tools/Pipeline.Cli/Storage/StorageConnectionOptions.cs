using System.CommandLine;
using Pipeline.Storage.Configuration;

namespace Pipeline.Cli.Storage;

/// <summary>
/// The options every command shares to reach the pipeline's storage: a connection string (Azurite, or Azure with a key;
/// default $PIPELINE_STORAGE, as run.sh exports it), or Entra ID through DefaultAzureCredential with the service URIs.
/// </summary>
internal sealed class StorageConnectionOptions
{
    public const string EnvironmentVariable = "PIPELINE_STORAGE";
    private const string Azurite = "UseDevelopmentStorage=true";

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = $"Storage connection string (default: ${EnvironmentVariable}, else local Azurite). Excludes --blob-uri/--table-uri.",
        Recursive = true,
    };

    public Option<Uri?> BlobUri { get; } = new("--blob-uri")
    {
        Description = "Blob service URI, e.g. https://ACCOUNT.blob.core.windows.net; signs in with DefaultAzureCredential (az login, managed identity).",
        Recursive = true,
    };

    public Option<Uri?> TableUri { get; } = new("--table-uri")
    {
        Description = "Table service URI, e.g. https://ACCOUNT.table.core.windows.net; with --blob-uri.",
        Recursive = true,
    };

    public Option<string> Container { get; } = new("--container")
    {
        Description = "Container the articles are uploaded to (Storage:ArticlesContainer).",
        DefaultValueFactory = _ => "articles",
        Recursive = true,
    };

    public Option<string> AnalysisContainer { get; } = new("--analysis-container")
    {
        Description = "Container of the full analysis per article (Storage:AnalysisContainer).",
        DefaultValueFactory = _ => "analysis",
        Recursive = true,
    };

    public Option<string> TablePrefix { get; } = new("--table-prefix")
    {
        Description = "Prefix of the pipeline's table names (Storage:TablePrefix).",
        DefaultValueFactory = _ => "",
        Recursive = true,
    };

    public Option<ResultsStoreProvider?> Store { get; } = new("--store")
    {
        Description = "Where the results are (Storage:Provider): Sqlite, the local server's file (default with a connection string), or AzureTables (default with --blob-uri).",
        Recursive = true,
    };

    public Option<string> Database { get; } = new("--database")
    {
        Description = "The local server's results file (Storage:Sqlite:Path), relative to where the server runs (run.sh: the repository root).",
        DefaultValueFactory = _ => ".data/pipeline.db",
        Recursive = true,
    };

    public Option<string> EventsQueue { get; } = new("--events-queue")
    {
        Description = "Queue the local watcher reads upload events from (Storage:EventsQueue); uploads are announced there.",
        DefaultValueFactory = _ => "article-events",
        Recursive = true,
    };

    public IEnumerable<Option> All => [ConnectionString, BlobUri, TableUri, Container, AnalysisContainer, TablePrefix, Store, Database, EventsQueue];

    /// <summary>The pipeline's own storage settings, so the CLI reads and writes exactly what the app does.</summary>
    public StorageSettings Read(ParseResult parse)
    {
        var blobUri = parse.GetValue(BlobUri);
        var tableUri = parse.GetValue(TableUri);
        var connection = parse.GetValue(ConnectionString);
        if (connection is null && blobUri is null && tableUri is null)
        {
            connection = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : Azurite;
        }

        var options = new StorageOptions
        {
            Provider = parse.GetValue(Store) ?? (connection is null ? ResultsStoreProvider.AzureTables : ResultsStoreProvider.Sqlite),
            EventsQueue = parse.GetValue(EventsQueue)!,
            ConnectionString = connection,
            BlobServiceUri = blobUri,
            TableServiceUri = tableUri,
            ArticlesContainer = parse.GetValue(Container)!,
            AnalysisContainer = parse.GetValue(AnalysisContainer)!,
            TablePrefix = parse.GetValue(TablePrefix)!,
            CreateResources = false,
        };
        return new StorageSettings(options, parse.GetValue(Database)!);
    }
}

/// <summary>The app's storage options plus the embedded store's file (its own options section).</summary>
internal sealed record StorageSettings(StorageOptions Storage, string Database);

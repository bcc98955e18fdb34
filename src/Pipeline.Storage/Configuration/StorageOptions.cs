using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Configuration;

/// <summary>Configuration section "Storage". Either <see cref="ConnectionString"/> (Azurite, dev) or both service URIs (Azure, Entra ID).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Where results (articles, entity totals, receipts) are kept. Uploads are always read from Blob storage.
    /// Azure Table storage on Azure; the embedded SQLite file for the local server (see docs/storage.md).
    /// </summary>
    public ResultsStoreProvider Provider { get; set; } = ResultsStoreProvider.AzureTables;

    /// <summary>A storage connection string, e.g. "UseDevelopmentStorage=true" for Azurite. Excludes the URIs.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.blob.core.windows.net; authenticated with DefaultAzureCredential.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net; authenticated with DefaultAzureCredential.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>
    /// e.g. https://account.queue.core.windows.net: where upload events are read from (optional with Entra ID; with a
    /// connection string its queue endpoint is used).
    /// </summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or developer credentials.</summary>
    public string? ClientId { get; set; }

    /// <summary>Container the articles are uploaded to.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ArticlesContainer { get; set; } = "articles";

    /// <summary>Container holding each article's full record (text and analysis) as JSON.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string AnalysisContainer { get; set; } = "analysis";

    /// <summary>Queue of blob events (Event Grid schema) that tell the local watcher about uploads without a listing.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string EventsQueue { get; set; } = "article-events";

    /// <summary>Prepended to every table name (letters and digits), so several deployments or tests can share an account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,40})?$")]
    public string TablePrefix { get; set; } = "";

    /// <summary>SDK retries for transient storage errors: the single retry layer for storage calls.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>
    /// Lease on an article's write lock: a save or delete renews it every quarter of this while it runs, so a live
    /// writer keeps its lock however long it takes, and the lock of a process that died is taken over at most this
    /// long after its last renewal. Shorter recovers sooner; longer tolerates slower storage round trips (a writer
    /// whose renewals fail for three quarters of it stops and retries).
    /// </summary>
    [Range(5, 1800)]
    public int ArticleLockSeconds { get; set; } = 15;

    /// <summary>
    /// Rows each entity total is split into (each writer adds to and subtracts from one, moving on when it meets
    /// another writer there; reads add them up), so concurrent writers rarely update the same row. Changing it later
    /// is safe: only the sum of an entity's rows means anything.
    /// </summary>
    [Range(1, 64)]
    public int EntityShards { get; set; } = 8;

    /// <summary>
    /// Create tables and containers at start-up. Set false where infrastructure creates them (Azure/Bicep) and in
    /// Native AOT builds: Azure.Data.Tables 12.13 serializes the create-table body by reflection, which AOT trims
    /// (the request then carries an empty table name).
    /// </summary>
    public bool CreateResources { get; set; } = true;

    internal bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);
}

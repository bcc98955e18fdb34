using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;
using Pipeline.Storage;
using Pipeline.Storage.Articles;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Receipts;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>A store over its own uniquely named tables and containers in the shared Azurite.</summary>
internal sealed class StorageHarness
{
    private StorageHarness(StorageOptions options, long maxArticleBytes)
    {
        Options = options;
        var tables = StorageServiceCollectionExtensions.CreateTableServiceClient(options);
        var blobs = StorageServiceCollectionExtensions.CreateBlobServiceClient(options);
        Tables = new StorageTables(tables, blobs, Microsoft.Extensions.Options.Options.Create(options));
        Store = new TableArticleStore(Tables, TimeProvider.System, NullLogger<TableArticleStore>.Instance);
        Receipts = new TableReceiptStore(Tables);
        Events = new ArticleEvents(StorageServiceCollectionExtensions.CreateEventsQueueClient(options), Tables.ArticlesContainer, TimeProvider.System, NullLogger<ArticleEvents>.Instance);
        BlobSource = new ArticleBlobSource(Tables, Microsoft.Extensions.Options.Options.Create(new ProcessingOptions { MaxArticleBytes = maxArticleBytes }), TimeProvider.System);
    }

    public StorageOptions Options { get; }
    public StorageTables Tables { get; }
    public TableArticleStore Store { get; }
    public TableReceiptStore Receipts { get; }
    public ArticleBlobSource BlobSource { get; }
    public ArticleEvents Events { get; }

    public static async Task<StorageHarness> CreateAsync(AzuriteFixture azurite, long maxArticleBytes = 5 * 1024 * 1024, int entityShards = 8)
    {
        var options = new StorageOptions
        {
            EntityShards = entityShards,
            ConnectionString = azurite.ConnectionString,
            TablePrefix = AzuriteFixture.UniqueName("t"),
            ArticlesContainer = AzuriteFixture.UniqueName("articles"),
            AnalysisContainer = AzuriteFixture.UniqueName("analysis"),
            EventsQueue = AzuriteFixture.UniqueName("events"),
            MaxRetries = 2,
        };
        var harness = new StorageHarness(options, maxArticleBytes);
        await new StorageInitializer(harness.Tables, harness.Events, Microsoft.Extensions.Options.Options.Create(options)).EnsureCreatedAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>
    /// Another worker on the same tables, as a second process would be: its own clients and caches, its requests
    /// passed through <paramref name="policy"/>, its clock <paramref name="clock"/>.
    /// </summary>
    public TableArticleStore Worker(HttpPipelinePolicy? policy = null, TimeProvider? clock = null)
    {
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        if (policy is not null)
        {
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        var tables = new StorageTables(
            new TableServiceClient(Options.ConnectionString, tableOptions),
            new BlobServiceClient(Options.ConnectionString, blobOptions),
            Microsoft.Extensions.Options.Options.Create(Options));
        return new TableArticleStore(tables, clock ?? TimeProvider.System, NullLogger<TableArticleStore>.Instance);
    }

    /// <summary>Every row of every table, keyed "Table|PK|RK", for exact before/after comparisons.</summary>
    public async Task<SortedSet<string>> AllRowsAsync()
    {
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in Tables.AllTables)
        {
            await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add(table.Name[Options.TablePrefix.Length..] + "|" + e.PartitionKey + "|" + e.RowKey);
            }
        }

        return rows;
    }

    /// <summary>
    /// <see cref="AllRowsAsync"/> without the rows kept on purpose after their articles left: aggregates whose shards
    /// sum to zero (their ETag keeps concurrent updates safe), the name index, the month registry and the last-processed
    /// markers (one per writer's slot, the newest time any article was processed). Aggregate shards
    /// are shown as "*": which shard a writer used is its own choice, so two stores agree on the entities, not the shards.
    /// </summary>
    public async Task<List<string>> LiveRowsAsync()
    {
        // Aggregate row -> "…|*", and the articles summed over an entity's shards (one may be negative).
        var shards = new Dictionary<string, string>(StringComparer.Ordinal);
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var e in Tables.EntityStats.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Articles"]))
        {
            if (e.GetInt64("Articles") is { } articles)
            {
                var key = "EntityStats|" + e.PartitionKey + "|" + e.RowKey;
                var merged = key[..(key.LastIndexOf('|') + 1)] + "*";
                shards[key] = merged;
                sums[merged] = sums.GetValueOrDefault(merged) + articles;
            }
        }

        return (await AllRowsAsync())
            .Where(r => !r.StartsWith("ArticlesByTime|months|", StringComparison.Ordinal) && !r.StartsWith("EntityStats|all|n|", StringComparison.Ordinal)
                && !r.StartsWith("EntityStats|all|z|last|", StringComparison.Ordinal))
            .Select(r => shards.GetValueOrDefault(r, r))
            .Where(r => sums.GetValueOrDefault(r, 1) != 0)
            .Distinct()
            .ToList();
    }

    public async Task<List<TableEntity>> RowsAsync(TableClient table, string? partitionKey = null)
    {
        var filter = partitionKey is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(e);
        }

        return rows;
    }

    public async Task<int> AnalysisBlobCountAsync()
    {
        var count = 0;
        await foreach (var _ in Tables.AnalysisContainer.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions()))
        {
            count++;
        }

        return count;
    }
}

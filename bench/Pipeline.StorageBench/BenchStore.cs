using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage.Articles;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;

namespace Pipeline.StorageBench;

/// <summary>One writer: a store over its own clients (as a separate Functions instance would have), its requests counted.</summary>
internal sealed class BenchStore
{
    public BenchStore(string connectionString, string prefix, RequestCounter counter, int? shards)
    {
        Options = new StorageOptions
        {
            EntityShards = shards ?? new StorageOptions().EntityShards,
            ConnectionString = connectionString,
            TablePrefix = prefix,
            ArticlesContainer = prefix.ToLowerInvariant() + "-articles",
            AnalysisContainer = prefix.ToLowerInvariant() + "-analysis",
        };
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter.For("table"), HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(counter.For("blob"), HttpPipelinePosition.PerRetry);
        TableService = new TableServiceClient(connectionString, tableOptions);
        Tables = new StorageTables(TableService, new BlobServiceClient(connectionString, blobOptions), Microsoft.Extensions.Options.Options.Create(Options));
        Store = new TableArticleStore(Tables, TimeProvider.System, NullLogger<TableArticleStore>.Instance);
    }

    public StorageOptions Options { get; }

    public TableServiceClient TableService { get; }

    public StorageTables Tables { get; }

    public TableArticleStore Store { get; }

    // No events queue: the storage bench measures results writes only.
    public Task CreateAsync() => new StorageInitializer(
        Tables, new ArticleEvents(null, Tables.ArticlesContainer, TimeProvider.System, NullLogger<ArticleEvents>.Instance), Microsoft.Extensions.Options.Options.Create(Options))
        .EnsureCreatedAsync(CancellationToken.None);

    /// <summary>Rows and their size by Azure's billing formula, per table (prefix removed).</summary>
    public async Task<SortedDictionary<string, (long Rows, long Bytes)>> RowsAsync()
    {
        var result = new SortedDictionary<string, (long, long)>(StringComparer.Ordinal);
        var prefix = Options.TablePrefix;
        await foreach (var table in TableService.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var e in TableService.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var key = table.Name[prefix.Length..] + Kind(e);
                var (rows, bytes) = result.GetValueOrDefault(key);
                result[key] = (rows + 1, bytes + EntitySize(e));
            }
        }

        return result;
    }

    // Entity totals rows by kind: per-article rows grow with the corpus, aggregates with entities x periods x shards.
    private static string Kind(TableEntity e) => e.RowKey switch
    {
        _ when e.PartitionKey == "months" => " (month registry)",
        ['a' or 'c', '|', ..] => " (per-article: receipts / contributions)",
        ['n', '|', ..] => " (name index)",
        ['e' or 'm' or 'd', ..] when e.ContainsKey("Articles") => " (aggregates)",
        _ => "",
    };

    // "4 bytes + Len(PartitionKey + RowKey) * 2 bytes + For-Each Property(8 bytes + Len(Property Name) * 2 bytes + Sizeof(.Net Property Type))":
    // strings 4 + 2 per char, 8 for numbers and dates, 1 for bool, 16 for Guid, binary length + 4.
    private static long EntitySize(TableEntity e) =>
        4 + ((e.PartitionKey.Length + e.RowKey.Length) * 2)
        + e.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .Sum(p => 8 + (p.Key.Length * 2) + p.Value switch
            {
                string s => 4 + (s.Length * 2),
                bool => 1,
                Guid => 16,
                byte[] b => 4 + b.Length,
                BinaryData b => 4 + b.ToMemory().Length,
                _ => 8,
            });
}

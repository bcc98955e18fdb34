using System.Diagnostics.CodeAnalysis;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage.Configuration;

/// <summary>The tables and containers this library owns, resolved once from <see cref="StorageOptions"/>.</summary>
public sealed class StorageTables
{
    // Azure.Data.Tables materializes query results with Activator.CreateInstance<TableEntity>(): keep its members under Native AOT.
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(TableEntity))]
    public StorageTables(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        TableService = tables;
        var prefix = o.TablePrefix;
        Articles = tables.GetTableClient(prefix + "Articles");
        ByTime = tables.GetTableClient(prefix + "ArticlesByTime");
        BySource = tables.GetTableClient(prefix + "ArticlesBySource");
        EntityStats = tables.GetTableClient(prefix + "EntityStats");
        Receipts = tables.GetTableClient(prefix + "Receipts");
        ArticlesContainer = blobs.GetBlobContainerClient(o.ArticlesContainer);
        AnalysisContainer = blobs.GetBlobContainerClient(o.AnalysisContainer);
        LockDuration = TimeSpan.FromSeconds(o.ArticleLockSeconds);
        EntityShards = o.EntityShards;
    }

    public TableServiceClient TableService { get; }

    /// <summary>PK = article id, RK = "article": summary, blob version, index keys, write lock.</summary>
    public TableClient Articles { get; }

    /// <summary>
    /// PK = month "yyyyMM", RK = inverted ticks + "_" + id: summaries newest first; RK = "x|" + entity + "|" + the same:
    /// the articles mentioning an entity. Also the month registry (PK "months").
    /// </summary>
    public TableClient ByTime { get; }

    /// <summary>PK = encoded lowercase source, RK = inverted ticks + "_" + id.</summary>
    public TableClient BySource { get; }

    /// <summary>PK = "all" or month "m yyyyMM": sharded entity aggregates (all-time; month and days), per-article receipts, name index.</summary>
    public TableClient EntityStats { get; }

    /// <summary>PK = container, RK = encoded blob name, ETag property.</summary>
    public TableClient Receipts { get; }

    public BlobContainerClient ArticlesContainer { get; }

    public BlobContainerClient AnalysisContainer { get; }

    internal TimeSpan LockDuration { get; }

    internal int EntityShards { get; }

    internal IEnumerable<TableClient> AllTables => [Articles, ByTime, BySource, EntityStats, Receipts];
}

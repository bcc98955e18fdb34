using Pipeline.Core.Aggregates;
using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

/// <summary>
/// Articles in Table storage (summaries and indexes) plus one JSON blob per article (text and analysis).
/// One instance serves both the write side (<see cref="IArticleRepository"/>) and the read side (<see cref="IArticleQueries"/>).
/// </summary>
public sealed partial class TableArticleStore : IArticleRepository, IArticleQueries
{
    /// <summary>Partition of the time index that lists the months holding articles (bounds listings and leaderboards).</summary>
    internal const string MonthsPartition = "months";

    private readonly StorageTables _storage;
    private readonly EntityStatsStore _stats;
    private readonly LastProcessedMarker _lastProcessed;
    private readonly TimeProvider _time;
    private readonly ILogger<TableArticleStore> _logger;
    private readonly ConcurrentDictionary<string, bool> _knownMonths = new(StringComparer.Ordinal);

    public TableArticleStore(StorageTables storage, TimeProvider timeProvider, ILogger<TableArticleStore> logger)
    {
        _storage = storage;
        _time = timeProvider;
        _logger = logger;
        _stats = new EntityStatsStore(storage.EntityStats, storage.EntityShards, timeProvider);
        _lastProcessed = new LastProcessedMarker(storage.EntityStats, storage.EntityShards);
    }

    /// <summary>Entity-totals updates that lost an ETag race and were retried since start-up.</summary>
    public long EntityStatsConflicts => _stats.Conflicts;

    public async Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await ReadRowAsync(articleId, cancellationToken);
        return row is null ? null : ArticleRow.Version(row);
    }

    public async Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await ReadRowAsync(articleId, cancellationToken);
        if (row is null || !ArticleRow.IsCommitted(row) || ArticleRow.AnalysisBlob(row) is not { } blobName)
        {
            return null;
        }

        try
        {
            var content = await _storage.AnalysisContainer.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return ArticleRecordJson.Deserialize(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted between the row read and the download.
            return null;
        }
    }

    private async Task<TableEntity?> ReadRowAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(articleId))
        {
            return null;
        }

        var row = await _storage.Articles.GetEntityIfExistsAsync<TableEntity>(articleId, ArticleRow.RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static string AnalysisBlobName(string articleId) => articleId + ".json";

    private async Task UploadRecordAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        var json = ArticleRecordJson.Serialize(record);
        var blob = _storage.AnalysisContainer.GetBlobClient(AnalysisBlobName(record.Id));
        await blob.UploadAsync(
            new BinaryData(json),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    private async Task RegisterMonthAsync(DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        var month = TimeKeys.Month(timestamp);
        if (_knownMonths.ContainsKey(month))
        {
            return;
        }

        await _storage.ByTime.UpsertEntityAsync(new TableEntity(MonthsPartition, month), TableUpdateMode.Replace, cancellationToken);
        _knownMonths[month] = true;
    }

    private async Task<IReadOnlyList<string>> ReadMonthsAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonthsPartition}");
        var months = new List<string>();
        await foreach (var e in _storage.ByTime.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            months.Add(e.RowKey);
        }

        months.Sort(StringComparer.Ordinal);
        return months;
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        // DeleteEntity treats 404 as success.
        await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Article {ArticleId} is locked by another writer; waiting")]
    private static partial void LogWaitingForLock(ILogger logger, string articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId}: stored version {Stored} is newer than {Incoming}; save skipped")]
    private static partial void LogNewerStored(ILogger logger, string articleId, DateTimeOffset stored, DateTimeOffset incoming);
}

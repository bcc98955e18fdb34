using System.Text.Json;
using Azure.Data.Tables;
using Pipeline.Core.Articles;

namespace Pipeline.Storage.Articles;

/// <summary>The Articles table row: summary, blob version, the index keys it owns, and the per-article write lock.</summary>
internal static class ArticleRow
{
    public const string RowKey = "article";
    public const string BlobETag = "BlobETag";
    public const string LockId = "LockId";
    public const string LockedUntil = "LockedUntil";

    // The index keys (JSON): one string property holds at most 32K UTF-16 chars; many entities need several.
    private const string Keys = "Keys";

    public static TableEntity Create(ArticleRecord record, string analysisBlob) 
    {
        var row = SummaryColumns.Create(record.Id, RowKey, record);
        row["BlobContainer"] = record.Blob.Container;
        row[BlobETag] = record.Blob.ETag;
        row["BlobLastModified"] = record.Blob.LastModified;
        row["Format"] = record.Format;
        row["AnalysisBlob"] = analysisBlob;
        return row;
    }

    public static bool IsCommitted(TableEntity row) => row.GetString(BlobETag) is not null;

    public static BlobReference? Version(TableEntity row) =>
        IsCommitted(row)
            ? new BlobReference(row.GetString("BlobContainer"), row.GetString("BlobName"), row.GetString(BlobETag), row.GetDateTimeOffset("BlobLastModified") ?? default)
            : null;

    public static string? AnalysisBlob(TableEntity row) => row.GetString("AnalysisBlob");

    public static IndexKeys ReadKeys(TableEntity row) =>
        ChunkedColumn.Read(row, Keys) is { } json
            ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.IndexKeys) ?? new IndexKeys(null, [])
            : new IndexKeys(null, []);

    public static void WriteKeys(TableEntity row, IndexKeys keys) =>
        ChunkedColumn.Write(row, Keys, JsonSerializer.Serialize(keys, StorageJsonContext.Default.IndexKeys));
}

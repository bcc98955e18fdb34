using System.Text;
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
    private const string KeysParts = "KeysParts";
    private const string KeysPrefix = "Keys";

    // One string property holds at most 32K UTF-16 chars; many entities need several.
    private const int KeysChunk = 30_000;

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

    public static IndexKeys ReadKeys(TableEntity row)
    {
        var parts = row.GetInt32(KeysParts) ?? 0;
        if (parts == 0)
        {
            return new IndexKeys(null, []);
        }

        var json = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            json.Append(row.GetString(KeysPrefix + i));
        }

        return JsonSerializer.Deserialize(json.ToString(), StorageJsonContext.Default.IndexKeys) ?? new IndexKeys(null, []);
    }

    public static void WriteKeys(TableEntity row, IndexKeys keys)
    {
        foreach (var stale in row.Keys.Where(k => k.StartsWith(KeysPrefix, StringComparison.Ordinal)).ToList())
        {
            row.Remove(stale);
        }

        var json = JsonSerializer.Serialize(keys, StorageJsonContext.Default.IndexKeys);
        var parts = 0;
        for (var offset = 0; offset < json.Length; offset += KeysChunk, parts++)
        {
            row[KeysPrefix + parts] = json.Substring(offset, Math.Min(KeysChunk, json.Length - offset));
        }

        row[KeysParts] = parts;
    }
}

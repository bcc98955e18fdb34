using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Processing;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Receipts;

/// <summary>Receipts in table "Receipts": PK = container, RK = encoded blob name; the name itself and the ETag are properties.</summary>
public sealed class TableReceiptStore(StorageTables storage) : IReceiptStore
{
    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(string container, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {container}");
        await foreach (var e in storage.Receipts.QueryAsync<TableEntity>(filter, select: ["BlobName", "BlobETag"], cancellationToken: cancellationToken))
        {
            result[e.GetString("BlobName")] = e.GetString("BlobETag");
        }

        return result;
    }

    public async Task RecordAsync(string container, string blobName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        var row = new TableEntity(container, KeyEncoder.Encode(blobName)) { ["BlobName"] = blobName, ["BlobETag"] = eTag };
        await storage.Receipts.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string container, string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        await storage.Receipts.DeleteEntityAsync(container, KeyEncoder.Encode(blobName), ETag.All, cancellationToken);
    }
}

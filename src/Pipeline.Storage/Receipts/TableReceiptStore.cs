using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Pipeline.Core.Processing;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Receipts;

/// <summary>Receipts in table "Receipts": PK = container, RK = encoded blob name; the name itself and the ETag are properties.</summary>
public sealed class TableReceiptStore(StorageTables storage) : IReceiptStore
{
    public async IAsyncEnumerable<BlobReceipt> ReadAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {container}");
        await foreach (var e in storage.Receipts.QueryAsync<TableEntity>(filter, select: ["BlobName", "BlobETag"], cancellationToken: cancellationToken))
        {
            yield return new BlobReceipt(e.GetString("BlobName"), e.GetString("BlobETag"));
        }
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

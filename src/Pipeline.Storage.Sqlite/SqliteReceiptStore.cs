using System.Runtime.CompilerServices;
using Pipeline.Core.Processing;

namespace Pipeline.Storage.Sqlite;

/// <summary>Receipts (blob name → handled ETag) in the same file as the results they describe.</summary>
public sealed class SqliteReceiptStore(SqliteDatabase database) : IReceiptStore
{
    public async IAsyncEnumerable<BlobReceipt> ReadAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob_name, etag FROM receipts WHERE container = $container";
        command.Parameters.AddWithValue("$container", container);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new BlobReceipt(reader.GetString(0), reader.GetString(1));
        }
    }

    public Task RecordAsync(string container, string blobName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        return ExecuteAsync("INSERT OR REPLACE INTO receipts (container, blob_name, etag) VALUES ($container, $name, $etag)", container, blobName, eTag, cancellationToken);
    }

    public Task RemoveAsync(string container, string blobName, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM receipts WHERE container = $container AND blob_name = $name", container, blobName, null, cancellationToken);

    private async Task ExecuteAsync(string sql, string container, string blobName, string? eTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$container", container);
        command.Parameters.AddWithValue("$name", blobName);
        if (eTag is not null)
        {
            command.Parameters.AddWithValue("$etag", eTag);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

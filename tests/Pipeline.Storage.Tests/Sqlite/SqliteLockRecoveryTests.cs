using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Storage.Sqlite;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite store's write lock is SQLite's own file lock, taken by each save's BEGIN IMMEDIATE transaction. The
/// operating system drops a process's file locks when it dies and SQLite ignores an uncommitted transaction in the
/// WAL, so a killed writer's lock is gone at once (bound: 0 s) and its half-done write never shows; a live writer's
/// lock makes others wait (Storage:Sqlite:BusyTimeoutSeconds, here 1 s) and then fail as transient, never write.
/// </summary>
public sealed class SqliteLockRecoveryTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-sqlite-locks-").FullName;

    [SqliteCliFact]
    public async Task SaveAsync_WriterKilledInsideItsTransaction_TakesTheLockAtOnceAndSeesNoneOfItsWrite()
    {
        var (path, store) = await CreateStoreAsync();
        var (v1, v2) = Versions();
        await store.SaveAsync(v1, Ct);
        await using var writer = await SqliteShell.BeginWriteAsync(path, $"UPDATE articles SET title = 'half written' WHERE id = '{v1.Id}';");

        await writer.KillAsync();

        Assert.False(await SqliteShell.IsWriteLockedAsync(path));
        Assert.Equal(v1.Title, await TitleAsync(path, v1.Id));
        await store.SaveAsync(v2, Ct);
        Assert.Equal(v2.Blob.ETag, (await store.GetStoredVersionAsync(v2.Id, Ct))?.ETag);
    }

    [SqliteCliFact]
    public async Task SaveAsync_LiveWriterHoldsTheLock_FailsAsBusyWithoutWritingThenSucceedsAfterIt()
    {
        var (path, store) = await CreateStoreAsync();
        var (v1, v2) = Versions();
        await store.SaveAsync(v1, Ct);
        await using var writer = await SqliteShell.BeginWriteAsync(path, "SELECT 1;");

        var busy = await Assert.ThrowsAsync<SqliteException>(() => store.SaveAsync(v2, Ct));

        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        Assert.Equal(v1.Blob.ETag, (await store.GetStoredVersionAsync(v1.Id, Ct))?.ETag);
        await writer.KillAsync();
        await store.SaveAsync(v2, Ct);
        Assert.Equal(v2.Blob.ETag, (await store.GetStoredVersionAsync(v2.Id, Ct))?.ETag);
    }

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(string Path, SqliteArticleStore Store)> CreateStoreAsync()
    {
        var path = Path.Combine(_folder, "store.db");
        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = path, BusyTimeoutSeconds = 1 }));
        await database.EnsureCreatedAsync(Ct);
        return (path, new SqliteArticleStore(database));
    }

    private static (ArticleRecord V1, ArticleRecord V2) Versions()
    {
        var v1 = new ArticleRecordBuilder().WithBlobName("locks/sqlite.txt").WithTitle("First version").WithEntity("Alice Adams").Build();
        var v2 = new ArticleRecordBuilder().WithBlobName("locks/sqlite.txt").WithVersion("0x2", v1.Blob.LastModified.AddMinutes(1)).WithEntity("Bob Brown").Build();
        return (v1, v2);
    }

    private static async Task<string?> TitleAsync(string path, string articleId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        return (string?)await command.ExecuteScalarAsync(Ct);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>A new SQLite file per store, in a folder removed when the test ends.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-sqlite-").FullName;
    private int _count;

    public async Task<SqliteDatabase> CreateAsync()
    {
        var path = Path.Combine(_folder, $"store-{Interlocked.Increment(ref _count)}.db");
        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = path }));
        await database.EnsureCreatedAsync(CancellationToken.None);
        return database;
    }

    public async Task<StoreUnderTest> CreateStoreAsync()
    {
        var store = new SqliteArticleStore(await CreateAsync());
        return new StoreUnderTest(store, store);
    }

    public void Dispose()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

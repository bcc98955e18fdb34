using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Pipeline.Core.Aggregates;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// The database file: opens pooled connections with the per-connection settings, and creates the schema.
/// WAL lets listings read while an article is written; writers queue on the busy timeout.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _connectionSettings;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        FilePath = System.IO.Path.GetFullPath(o.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = o.BusyTimeoutSeconds,
        }.ToString();
        // busy_timeout: SQLite itself waits for the writer lock, rather than failing at once with SQLITE_BUSY.
        _connectionSettings = $"PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = {o.BusyTimeoutSeconds * 1000};";
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Which spelling of an entity is shown is decided in Core, so both stores agree.
            connection.CreateFunction("prefer_name", (string a, string b) => EntityNames.Prefer(a, b), isDeterministic: true);
            connection.CreateAggregate("preferred_name", (string? chosen, string name) => chosen is null ? name : EntityNames.Prefer(chosen, name), isDeterministic: true);
            await ExecuteAsync(connection, _connectionSettings, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the folder, the file and the tables if missing. Idempotent.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(FilePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        var version = await UserVersionAsync(connection, cancellationToken);
        await AddMissingColumnsAsync(connection, cancellationToken);
        await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken);
        if (version is > 0 and < SqliteSchema.RollupsSince)
        {
            // A file from before the rollups: built once from its rows (one pass over every article).
            await SqliteRollups.RebuildAsync(connection, cancellationToken);
        }

        await ExecuteAsync(connection, $"PRAGMA user_version = {SqliteSchema.Version};", cancellationToken);
    }

    private static async Task<long> UserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // A file written by an older version keeps its rows: new columns are added (NULL there: "not recorded").
    private static async Task AddMissingColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pragma_table_info($table)";
            command.Parameters.AddWithValue("$table", table);
            var tableExists = (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
            command.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column";
            command.Parameters.AddWithValue("$column", column);
            if (tableExists && (long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};", cancellationToken);
            }
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

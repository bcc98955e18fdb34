using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Pipeline.Storage.Tests.Sqlite;

/// <summary>
/// Another process writing the database: the sqlite3 shell inside an open BEGIN IMMEDIATE transaction, as a writer
/// of the store is in the middle of a save. It can be killed (SIGKILL) or finish its transaction.
/// </summary>
internal sealed class SqliteShell : IAsyncDisposable
{
    private readonly Process _process;

    private SqliteShell(Process process) => _process = process;

    /// <summary>Starts the shell, runs <paramref name="statements"/> inside a transaction left open, and returns once it holds the write lock.</summary>
    public static async Task<SqliteShell> BeginWriteAsync(string databasePath, string statements)
    {
        var start = new ProcessStartInfo(SqliteCliFactAttribute.Path!, databasePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var shell = new SqliteShell(Process.Start(start) ?? throw new InvalidOperationException("Could not start sqlite3."));
        await shell._process.StandardInput.WriteLineAsync("BEGIN IMMEDIATE; " + statements);
        await shell._process.StandardInput.FlushAsync();
        for (var i = 0; i < 500 && !await IsWriteLockedAsync(databasePath); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(await IsWriteLockedAsync(databasePath), "the sqlite3 shell did not take the write lock");
        return shell;
    }

    /// <summary>SIGKILL: the process gets no chance to commit, roll back or unlock.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Whether some writer holds the database's write lock now (a probe that does not wait).</summary>
    public static async Task<bool> IsWriteLockedAsync(string databasePath)
    {
        // Microsoft.Data.Sqlite retries a busy statement until the command timeout (0 would wait forever): one second.
        await using var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 1 }.ToString());
        await probe.OpenAsync();
        await using var command = probe.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        try
        {
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 5)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}

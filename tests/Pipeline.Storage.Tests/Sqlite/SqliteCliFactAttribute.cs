namespace Pipeline.Storage.Tests.Sqlite;

/// <summary>A fact that needs the sqlite3 command-line shell (a second process to kill); reported as skipped without it.</summary>
public sealed class SqliteCliFactAttribute : FactAttribute
{
    public SqliteCliFactAttribute()
    {
        if (Path is null)
        {
            Skip = "the sqlite3 command-line shell is not on PATH: the killed-writer test of the SQLite store is not run.";
        }
    }

    public static string? Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "sqlite3"))
            .FirstOrDefault(File.Exists);
}

using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Sqlite;

/// <summary>Configuration section "Storage:Sqlite": the embedded results store that the local server uses by default.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Sqlite";

    /// <summary>The database file; relative paths are resolved against the working directory. Created if missing.</summary>
    [Required]
    public string Path { get; set; } = ".data/pipeline.db";

    /// <summary>How long a writer waits for another writer's transaction before the operation fails as transient.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}

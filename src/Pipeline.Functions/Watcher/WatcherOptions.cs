using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pipeline.Functions.Watcher;

/// <summary>Configuration section "Watcher": the local trigger that replaces Event Grid when running without the Functions host.</summary>
public sealed class WatcherOptions
{
    public const string SectionName = "Watcher";

    /// <summary>Watch the articles container. Null means: on, unless the Functions host runs the app (it triggers instead).</summary>
    public bool? Enabled { get; set; }

    /// <summary>How often the container is listed. Upload-to-stored latency is about this plus processing time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Articles processed at once; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Concurrency { get; set; }

    /// <summary>Attempts for a blob that keeps failing transiently before it is recorded as failed (no endless retry).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay after a transient failure; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

[OptionsValidator]
public sealed partial class WatcherOptionsValidator : IValidateOptions<WatcherOptions>;

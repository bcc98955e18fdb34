using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pipeline.Server.Watcher;

/// <summary>Configuration section "Watcher": the local trigger that replaces Event Grid in the standalone server.</summary>
public sealed class WatcherOptions
{
    public const string SectionName = "Watcher";

    /// <summary>Watch the articles container. Null means on.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Shortest wait between two listings of the container. While listings find nothing new the wait doubles up to
    /// <see cref="MaxPollInterval"/>, and it is never under 20 times the last listing's duration, so listing a large
    /// container stays a small share of the emulator's time. Uploads announced on the events queue need no listing.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between listings when nothing changes: the latency bound for uploads nobody announces.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the events queue is checked while it is empty: the latency of announced uploads.</summary>
    public TimeSpan EventsPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Articles processed at once; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Concurrency { get; set; }

    /// <summary>
    /// Blobs queued for the workers at most. A listing that finds more (a bulk load) waits for room and resumes where it
    /// stopped, so memory does not grow with the backlog; announced uploads wait behind at most this many.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxQueued { get; set; } = 500;

    /// <summary>Attempts for a blob that keeps failing transiently before it is recorded as failed (no endless retry).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay after a transient failure; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The integer ranges (source-generated) plus the TimeSpan ranges, checked by hand: [Range] on TimeSpan is not trim safe.</summary>
[OptionsValidator]
public sealed partial class WatcherOptionsValidator : IValidateOptions<WatcherOptions>;

public sealed class WatcherTimingValidator : IValidateOptions<WatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(errors, nameof(WatcherOptions.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10));
        Check(errors, nameof(WatcherOptions.MaxPollInterval), options.MaxPollInterval, options.PollInterval, TimeSpan.FromHours(1));
        Check(errors, nameof(WatcherOptions.EventsPollInterval), options.EventsPollInterval, TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(1));
        Check(errors, nameof(WatcherOptions.RetryDelay), options.RetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        Check(errors, nameof(WatcherOptions.MaxRetryDelay), options.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"Watcher:{name} must be between {min} and {max}; it is {value}.");
        }
    }
}

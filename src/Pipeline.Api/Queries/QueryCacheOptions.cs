using System.ComponentModel.DataAnnotations;

namespace Pipeline.Api.Queries;

/// <summary>The "Api:Cache" section: how long a query answer may be served from memory.</summary>
public sealed class QueryCacheOptions
{
    public const string SectionName = "Api:Cache";

    /// <summary>
    /// The staleness bound, in seconds. Writes made by this process replace cached answers at once; writes by another
    /// process (other Functions instances, the CLI) show after at most this long. 0 turns the cache off.
    /// </summary>
    [Range(0, 3600)]
    public int MaxAgeSeconds { get; set; } = 5;

    /// <summary>Distinct queries kept; beyond it the cache starts again empty (a miss costs one store read, never a wrong answer).</summary>
    [Range(1, 1_000_000)]
    public int MaxEntries { get; set; } = 5_000;
}

/// <summary>Source-generated checks of the data annotations on <see cref="QueryCacheOptions"/> (AOT safe).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class QueryCacheOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<QueryCacheOptions>;

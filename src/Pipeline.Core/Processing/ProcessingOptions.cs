using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Processing;

/// <summary>Configuration section "Processing".</summary>
public sealed class ProcessingOptions
{
    public const string SectionName = "Processing";

    /// <summary>Blobs larger than this are recorded as failed without being read into the analyzer.</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 5 * 1024 * 1024;
}

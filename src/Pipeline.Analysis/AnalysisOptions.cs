namespace Pipeline.Analysis;

/// <summary>Configuration section "Analysis".</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>Which analyzer runs: the embedded Local one (default, offline) or Azure AI Language.</summary>
    public AnalysisProvider Provider { get; set; } = AnalysisProvider.Local;

    /// <summary>
    /// Local analyzer only: blend the target networks into the sentiment toward each entity (default). Off, full
    /// analysis is about a quarter faster and that sentiment a few macro-F1 points less accurate (EVAL.md, BENCHMARKS.md).
    /// </summary>
    public bool TargetNetworks { get; set; } = true;
}

public enum AnalysisProvider
{
    Local,
    AzureLanguage,
}

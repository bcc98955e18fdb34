namespace Pipeline.Analysis;

/// <summary>Configuration section "Analysis".</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>Which analyzer runs: the embedded Local one (default, offline) or Azure AI Language.</summary>
    public AnalysisProvider Provider { get; set; } = AnalysisProvider.Local;
}

public enum AnalysisProvider
{
    Local,
    AzureLanguage,
}

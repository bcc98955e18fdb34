namespace Pipeline.Analysis.AzureLanguage.Wire;

/// <summary>Body of POST {endpoint}/language/:analyze-text.</summary>
internal sealed record AnalyzeTextRequest(string Kind, TaskParameters Parameters, AnalysisInput AnalysisInput);

/// <remarks>Null members are omitted: KeyPhraseExtraction and LanguageDetection take no stringIndexType.</remarks>
internal sealed record TaskParameters
{
    public string ModelVersion { get; init; } = "latest";
    public string? StringIndexType { get; init; }
    public bool? OpinionMining { get; init; }
}

internal sealed record AnalysisInput(IReadOnlyList<InputDocument> Documents);

/// <summary>LanguageDetection documents carry countryHint; all others carry language.</summary>
internal sealed record InputDocument(string Id, string Text, string? Language = null, string? CountryHint = null);

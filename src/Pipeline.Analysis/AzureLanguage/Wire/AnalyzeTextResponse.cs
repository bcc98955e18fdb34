using System.Text.Json.Serialization;

namespace Pipeline.Analysis.AzureLanguage.Wire;

// One tolerant shape for every result kind: members a kind does not use stay null; unknown fields are ignored.
internal sealed class AnalyzeTextResponse
{
    public string? Kind { get; init; }
    public AnalyzeTextResults? Results { get; init; }
}

internal sealed class AnalyzeTextResults
{
    public List<ResponseDocument>? Documents { get; init; }
    public List<DocumentError>? Errors { get; init; }
    public string? ModelVersion { get; init; }
}

internal sealed class ResponseDocument
{
    public string? Id { get; init; }
    public string? Sentiment { get; init; }
    public ConfidenceScores? ConfidenceScores { get; init; }
    public List<SentenceSentiment>? Sentences { get; init; }
    public List<NamedEntity>? Entities { get; init; }
    public List<string>? KeyPhrases { get; init; }
    public DetectedLanguageDto? DetectedLanguage { get; init; }
}

internal sealed class ConfidenceScores
{
    public double Positive { get; init; }
    public double Neutral { get; init; }
    public double Negative { get; init; }
}

/// <remarks>Offsets are document-relative (spec §3, despite the swagger's wording).</remarks>
internal sealed class SentenceSentiment
{
    public string? Text { get; init; }
    public string? Sentiment { get; init; }
    public ConfidenceScores? ConfidenceScores { get; init; }
    public int Offset { get; init; }
    public int Length { get; init; }
    public List<SentenceOpinionSpan>? Targets { get; init; }
    public List<SentenceOpinionSpan>? Assessments { get; init; }
}

/// <summary>A target or an assessment of opinion mining (targets carry relations, assessments isNegated).</summary>
internal sealed class SentenceOpinionSpan
{
    public string? Sentiment { get; init; }
    public ConfidenceScores? ConfidenceScores { get; init; }
    public int Offset { get; init; }
    public int Length { get; init; }
    public string? Text { get; init; }
    public bool IsNegated { get; init; }
}

internal sealed class NamedEntity
{
    public string? Text { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public int Offset { get; init; }
    public int Length { get; init; }
    public double ConfidenceScore { get; init; }
}

internal sealed class DetectedLanguageDto
{
    public string? Name { get; init; }
    public string? Iso6391Name { get; init; }
    public double ConfidenceScore { get; init; }
}

internal sealed class DocumentError
{
    public string? Id { get; init; }
    public ErrorDetail? Error { get; init; }
}

internal sealed class ErrorResponse
{
    public ErrorDetail? Error { get; init; }
}

internal sealed class ErrorDetail
{
    public string? Code { get; init; }
    public string? Message { get; init; }

    [JsonPropertyName("innererror")]
    public ErrorDetail? InnerError { get; init; }

    /// <summary>The innermost code and message: the most specific ("InvalidDocument: Document text is empty.").</summary>
    public ErrorDetail Innermost => InnerError is { } inner ? inner.Innermost : this;
}

namespace Pipeline.Core.Analysis;

/// <summary>
/// Analyzes one text: language, document and sentence sentiment, entities with coreference and
/// sentiment toward each, key phrases. Implementations: the embedded local analyzer and Azure AI Language.
/// </summary>
/// <remarks>
/// Throw <see cref="AnalysisRejectedException"/> when the text itself can never be analyzed (a permanent,
/// per-document error); let transient failures (timeouts, 5xx, throttling) propagate so the trigger retries.
/// </remarks>
public interface ITextAnalyzer
{
    Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken);
}

/// <param name="Text">The text to analyze; offsets in the result refer to it.</param>
/// <param name="LanguageHint">ISO 639-1 code declared by the uploader, or null to detect.</param>
public sealed record AnalysisRequest(string Text, string? LanguageHint = null);

using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local;

// PLACEHOLDER (owned by the NER/composition work): composes tokenizer, sentence splitter, NER, coreference,
// SentimentAnalyzer, KeyPhraseExtractor and LanguageDetector.
public sealed class LocalTextAnalyzer : ITextAnalyzer
{
    public static LocalTextAnalyzer CreateDefault() => new();

    public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();
}

using Pipeline.Core.Analysis;

namespace Pipeline.IngestBench;

/// <summary>Returns one precomputed analysis for every text: the storage ceiling's stand-in for the analyzer (same rows, no CPU).</summary>
public sealed class ReplayAnalyzer(TextAnalysis analysis) : ITextAnalyzer
{
    public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken) => Task.FromResult(analysis);
}

using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Linking;

/// <summary>Decorates the configured analyzer with <see cref="NotablePersonLinker"/>.</summary>
public sealed class LinkingTextAnalyzer(ITextAnalyzer inner, NotablePersonLinker linker) : ITextAnalyzer
{
    public async Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken) =>
        linker.Link(await inner.AnalyzeAsync(request, cancellationToken));
}

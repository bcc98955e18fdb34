using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local;

/// <summary>
/// Starts loading an analyzer's models on the thread pool when constructed and lets the first analyses wait for it,
/// so a host serves queries while the models load instead of blocking start-up on them (the local models take
/// about a second to read).
/// </summary>
public sealed class BackgroundLoadedAnalyzer(Func<ITextAnalyzer> load) : ITextAnalyzer
{
    private readonly Task<ITextAnalyzer> _loading = Task.Run(load);

    public async Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var analyzer = await _loading.WaitAsync(cancellationToken);
        return await analyzer.AnalyzeAsync(request, cancellationToken);
    }
}

using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local;

/// <summary>
/// Loads an analyzer's models on the thread pool once asked to (<see cref="StartLoading"/>, or the first analysis)
/// and lets analyses wait for it, so a host serves queries while the models load instead of blocking start-up on
/// them (the local models take about a second of a core to read).
/// </summary>
public sealed class BackgroundLoadedAnalyzer(Func<ITextAnalyzer> load) : ITextAnalyzer
{
    private readonly Lazy<Task<ITextAnalyzer>> _loading = new(() => Task.Run(load));

    public void StartLoading() => _ = _loading.Value;

    public async Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var analyzer = await _loading.Value.WaitAsync(cancellationToken);
        return await analyzer.AnalyzeAsync(request, cancellationToken);
    }
}

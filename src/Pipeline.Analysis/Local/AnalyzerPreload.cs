using Microsoft.Extensions.Hosting;

namespace Pipeline.Analysis.Local;

/// <summary>
/// Starts reading the local models once the host has started, not while it starts: on a 2-core machine that second
/// of a core otherwise competes with start-up itself (cold start 0.3 s longer), and the first article waits for the
/// models either way.
/// </summary>
internal sealed class AnalyzerPreload(BackgroundLoadedAnalyzer analyzer) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        analyzer.StartLoading();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Options;
using Pipeline.Analysis;

namespace Pipeline.Api.Health;

/// <summary>What /api/health reports: readiness, the analyzer, and the local watcher's counters where a host runs one.</summary>
public sealed class HealthProbe(Readiness readiness, IOptions<AnalysisOptions> analysis, IEnumerable<IWatcherReportSource> watchers)
{
    public bool IsReady => readiness.IsReady;

    public HealthReport Report() =>
        new(IsReady ? "ready" : "starting", analysis.Value.Provider.ToString(), watchers.Select(w => w.Report()).FirstOrDefault(r => r is not null));
}

/// <summary>Implemented by a host that runs the local blob watcher, so health shows it is alive.</summary>
public interface IWatcherReportSource
{
    WatcherReport? Report();
}

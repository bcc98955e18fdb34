using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local;

public sealed class BackgroundLoadedAnalyzerTests
{
    [Fact]
    public async Task AnalyzeAsync_BeforeLoadingEnds_WaitsAndThenAnalyzesWithTheLoadedAnalyzer()
    {
        using var release = new ManualResetEventSlim();
        var inner = LocalTextAnalyzer.CreateDefault();
        var analyzer = new BackgroundLoadedAnalyzer(() =>
        {
            release.Wait();
            return inner;
        });

        var pending = analyzer.AnalyzeAsync(new AnalysisRequest("Senator Maria Delgado praised the excellent harbor cleanup."), CancellationToken.None);
        Assert.False(pending.IsCompleted);
        release.Set();
        var result = await pending;

        var expected = await inner.AnalyzeAsync(new AnalysisRequest("Senator Maria Delgado praised the excellent harbor cleanup."), CancellationToken.None);
        Assert.Equal(expected.Sentiment!.Label, result.Sentiment!.Label);
        Assert.Equal(expected.Entities.Select(e => e.Id), result.Entities.Select(e => e.Id));
    }

    [Fact]
    public async Task AnalyzeAsync_LoadingFailed_ThrowsTheLoadErrorToEveryCaller()
    {
        var analyzer = new BackgroundLoadedAnalyzer(() => throw new InvalidDataException("model file is corrupt"));

        var first = await Assert.ThrowsAsync<InvalidDataException>(() => analyzer.AnalyzeAsync(new AnalysisRequest("Text."), CancellationToken.None));
        var second = await Assert.ThrowsAsync<InvalidDataException>(() => analyzer.AnalyzeAsync(new AnalysisRequest("Text."), CancellationToken.None));

        Assert.Equal("model file is corrupt", first.Message);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task AnalyzeAsync_CancelledWhileLoading_ThrowsOperationCanceled()
    {
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var analyzer = new BackgroundLoadedAnalyzer(() =>
        {
            release.Wait();
            return LocalTextAnalyzer.CreateDefault();
        });

        var pending = analyzer.AnalyzeAsync(new AnalysisRequest("Text."), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        release.Set();
    }

    [Fact]
    public void Constructor_NothingAskedYet_DoesNotLoad()
    {
        using var loading = new ManualResetEventSlim();
        _ = new BackgroundLoadedAnalyzer(() =>
        {
            loading.Set();
            return LocalTextAnalyzer.CreateDefault();
        });

        // Loading at construction would compete with the host's own start-up for the cores.
        Assert.False(loading.Wait(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task StartLoading_CalledTwiceThenAnalyzed_LoadsOnce()
    {
        var loads = 0;
        using var loaded = new ManualResetEventSlim();
        var analyzer = new BackgroundLoadedAnalyzer(() =>
        {
            Interlocked.Increment(ref loads);
            loaded.Set();
            return LocalTextAnalyzer.CreateDefault();
        });

        analyzer.StartLoading();
        analyzer.StartLoading();
        Assert.True(loaded.Wait(TimeSpan.FromSeconds(30)));
        await analyzer.AnalyzeAsync(new AnalysisRequest("Text."), CancellationToken.None);

        Assert.Equal(1, Volatile.Read(ref loads));
    }
}

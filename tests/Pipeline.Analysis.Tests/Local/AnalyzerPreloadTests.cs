using Pipeline.Analysis.Local;
using Pipeline.Testing.Fakes;

namespace Pipeline.Analysis.Tests.Local;

public sealed class AnalyzerPreloadTests
{
    [Fact]
    public async Task StartedAsync_AfterTheHostStarted_StartsLoadingTheModels()
    {
        using var loading = new ManualResetEventSlim();
        var preload = new AnalyzerPreload(new BackgroundLoadedAnalyzer(() =>
        {
            loading.Set();
            return new FakeTextAnalyzer();
        }));

        await preload.StartingAsync(CancellationToken.None);
        await preload.StartAsync(CancellationToken.None);
        Assert.False(loading.IsSet);

        await preload.StartedAsync(CancellationToken.None);
        Assert.True(loading.Wait(TimeSpan.FromSeconds(30)));
    }
}

using Pipeline.Server.Watcher;

namespace Pipeline.Server.Tests.Watcher;

public sealed class WatcherOptionsValidationTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new WatcherOptions();

        Assert.True(new WatcherTimingValidator().Validate(null, options).Succeeded);
        Assert.True(new WatcherOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PollIntervalTooShort_FailsNamingTheSetting()
    {
        var result = new WatcherTimingValidator().Validate(null, new WatcherOptions { PollInterval = TimeSpan.FromMilliseconds(1) });

        Assert.True(result.Failed);
        Assert.Contains("Watcher:PollInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxAttemptsZero_Fails() =>
        Assert.True(new WatcherOptionsValidator().Validate(null, new WatcherOptions { MaxAttempts = 0 }).Failed);
}

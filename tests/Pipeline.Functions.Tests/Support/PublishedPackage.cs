using System.Diagnostics;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Functions.Tests.Support;

/// <summary>The deployable zip: PIPELINE_PACKAGE when set, else built once per test run by ./publish.sh (a minute or more).</summary>
internal static class PublishedPackage
{
    private static readonly SemaphoreSlim PublishLock = new(1, 1);
    private static string? _package;

    public static async Task<string> PathAsync(ITestOutputHelper? output = null)
    {
        await PublishLock.WaitAsync();
        try
        {
            if (_package is not null)
            {
                return _package;
            }

            var given = Environment.GetEnvironmentVariable("PIPELINE_PACKAGE");
            if (!string.IsNullOrEmpty(given))
            {
                var path = Path.GetFullPath(given, RepoRoot.Path);
                Assert.True(File.Exists(path), $"PIPELINE_PACKAGE={given} ({path}) does not exist");
                return _package = path;
            }

            var publish = new ProcessStartInfo(Path.Combine(RepoRoot.Path, "publish.sh")) { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(publish)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            output?.WriteLine(await stdout);
            Assert.True(process.ExitCode == 0, "publish.sh failed: " + await stderr + await stdout);
            return _package = Path.Combine(RepoRoot.Path, "artifacts", "pipeline-functions.zip");
        }
        finally
        {
            PublishLock.Release();
        }
    }
}

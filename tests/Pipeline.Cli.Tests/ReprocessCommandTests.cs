using Azure;
using Pipeline.Cli.Tests.Support;
using Pipeline.Testing;
using Pipeline.Testing.Builders;

namespace Pipeline.Cli.Tests;

/// <summary>Re-running an article rewrites its blob (a new ETag); the tests check which blobs got a new version.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReprocessCommandTests(AzuriteFixture azurite)
{
    private static readonly string[] Names = ["2026/a.txt", "2026/b.txt", "2025/c.txt", "2025/failed.txt"];

    private static async Task<(CliHarness Cli, Dictionary<string, ETag> Before)> SeedAsync(AzuriteFixture azurite)
    {
        var cli = await CliHarness.CreateAsync(azurite);
        await cli.Articles.CreateIfNotExistsAsync();
        foreach (var name in Names)
        {
            await cli.Articles.GetBlobClient(name).UploadAsync(BinaryData.FromString("T\n\nBody of " + name));
            await cli.Articles.GetBlobClient(name).SetMetadataAsync(new Dictionary<string, string> { ["source"] = "Valley Herald" });
            var record = new ArticleRecordBuilder().WithBlobName(name, cli.Container);
            await cli.Repository.SaveAsync((name.Contains("failed", StringComparison.Ordinal) ? record.Failed("Analysis rejected: x") : record).Build(), CancellationToken.None);
        }

        return (cli, (await cli.BlobPropertiesAsync()).ToDictionary(p => p.Key, p => p.Value.ETag));
    }

    private static async Task<List<string>> ChangedAsync(CliHarness cli, Dictionary<string, ETag> before) =>
        [.. (await cli.BlobPropertiesAsync()).Where(p => p.Value.ETag != before[p.Key]).Select(p => p.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Reprocess_OlderThanAnalyzer_RewritesOnlyAnalyzedArticlesOfAnotherVersion()
    {
        var (cli, before) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("reprocess", "--older-than-analyzer", "--analyzer-version", "test/2.0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2025/c.txt", "2026/a.txt", "2026/b.txt"], await ChangedAsync(cli, before));
    }

    [Fact]
    public async Task Reprocess_OlderThanTheCurrentVersion_NothingToDo()
    {
        var (cli, before) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("reprocess", "--older-than-analyzer", "--analyzer-version", "test/1.0");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(await ChangedAsync(cli, before));
    }

    [Fact]
    public async Task Reprocess_Rewrite_KeepsContentTypeMetadataAndBytes()
    {
        var (cli, _) = await SeedAsync(azurite);
        await using var __ = cli;
        var blob = cli.Articles.GetBlobClient("2026/a.txt");
        var before = (await blob.DownloadContentAsync()).Value;

        await cli.RunAsync("reprocess", "--prefix", "2026/a");

        var after = (await blob.DownloadContentAsync()).Value;
        Assert.NotEqual(before.Details.ETag, after.Details.ETag);
        Assert.Equal(before.Content.ToArray(), after.Content.ToArray());
        Assert.Equal(before.Details.ContentType, after.Details.ContentType);
        Assert.Equal("Valley Herald", after.Details.Metadata["source"]);
    }

    [Fact]
    public async Task Reprocess_Prefix_RewritesThoseBlobsOnly()
    {
        var (cli, before) = await SeedAsync(azurite);
        await using var _ = cli;

        await cli.RunAsync("reprocess", "--prefix", "2025/");

        Assert.Equal(["2025/c.txt", "2025/failed.txt"], await ChangedAsync(cli, before));
    }

    [Fact]
    public async Task RetryFailed_RewritesFailedArticlesOnly()
    {
        var (cli, before) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("retry-failed");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2025/failed.txt"], await ChangedAsync(cli, before));
    }

    [Fact]
    public async Task Reprocess_DryRun_ListsAndChangesNothing()
    {
        var (cli, before) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("reprocess", "--all", "--dry-run");

        Assert.Contains("4 article(s) would be re-run", run.Console, StringComparison.Ordinal);
        Assert.Empty(await ChangedAsync(cli, before));
    }

    [Fact]
    public async Task Reprocess_NoSelection_UsageErrorAndNothingChanged()
    {
        var (cli, before) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("reprocess");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Say which articles", run.Console, StringComparison.Ordinal);
        Assert.Empty(await ChangedAsync(cli, before));
    }

    [Fact]
    public async Task Reprocess_BlobDeletedSinceItWasStored_ReportedNotFailed()
    {
        var (cli, _) = await SeedAsync(azurite);
        await using var __ = cli;
        await cli.Articles.GetBlobClient("2026/b.txt").DeleteAsync();

        var run = await cli.RunAsync("reprocess", "--prefix", "2026/");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"│\s*blob deleted \(results go with it\)\s*│\s*1\s*│", run.Console);
        Assert.Matches(@"│\s*re-triggered\s*│\s*1\s*│", run.Console);
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Cli.Tests.Support;
using Pipeline.Core.Articles;
using Pipeline.Testing;
using Pipeline.Testing.Builders;

namespace Pipeline.Cli.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StatusAndExportCommandTests(AzuriteFixture azurite)
{
    private static async Task<(CliHarness Cli, List<ArticleRecord> Stored)> SeedAsync(AzuriteFixture azurite)
    {
        var cli = await CliHarness.CreateAsync(azurite);
        List<ArticleRecord> stored =
        [
            new ArticleRecordBuilder().WithBlobName("2026/a.txt", cli.Container).WithTitle("Quotes, \"and\" commas").WithEntity("Ada Lovelace", mentions: 2).Build(),
            new ArticleRecordBuilder().WithBlobName("2026/b.txt", cli.Container).WithEntity("Grace Hopper", polarity: 0.9).Build(),
            new ArticleRecordBuilder().WithBlobName("2025/c.txt", cli.Container).Unscored().Build(),
            new ArticleRecordBuilder().WithBlobName("2025/d.bin", cli.Container).Failed("The file is a PDF document, not a text article.").Build(),
        ];
        foreach (var record in stored)
        {
            await cli.Repository.SaveAsync(record, CancellationToken.None);
        }

        // One upload the pipeline has not processed yet.
        await cli.Articles.CreateIfNotExistsAsync();
        await cli.Articles.GetBlobClient("2026/new.txt").UploadAsync(BinaryData.FromString("T\n\nBody."));
        return (cli, stored);
    }

    [Fact]
    public async Task Status_SeededStore_CountsByStatusAnalyzerAndPending()
    {
        var (cli, _) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("status");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(Row("processed", 2), run.Console);
        Assert.Matches(Row("unscored", 1), run.Console);
        Assert.Matches(Row("failed", 1), run.Console);
        Assert.Matches(Row("total", 4), run.Console);
        Assert.Matches(Row(@"pending \(uploaded, no article yet\)", 1), run.Console);
        Assert.Matches(Row("test/1.0", 3), run.Console);
        Assert.Matches(Row(@"\(none\)", 1), run.Console);
    }

    [Fact]
    public async Task Status_NoPipelineTables_SaysToStartTheAppFirst()
    {
        await using var cli = await CliHarness.CreateAsync(azurite, createStorage: false);

        var local = await cli.RunAsync("status");
        var tables = await cli.RunAsync("status", "--store", "AzureTables");

        Assert.Equal(1, local.ExitCode);
        Assert.Contains("No results database at", local.Console, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Database), "the CLI must not create the server's database");
        Assert.Equal(1, tables.ExitCode);
        Assert.Contains("tables do not exist yet", tables.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ArticlesAsCsv_OneQuotedRowPerArticleNewestFirst()
    {
        var (cli, stored) = await SeedAsync(azurite);
        await using var _ = cli;
        var file = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("export") + ".csv");

        var run = await cli.RunAsync("export", "--format", "csv", "--output", file);

        var lines = await File.ReadAllLinesAsync(file);
        File.Delete(file);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("id,blobName,status,failureReason,title,source,url,author,publishedAt,timestamp,processedAt,language,sentiment,positive,neutral,negative,analyzerVersion,duplicateOf", lines[0]);
        Assert.Equal(stored.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{stored[0].Id},2026/a.txt,processed,,\"Quotes, \"\"and\"\" commas\",", StringComparison.Ordinal) && l.EndsWith(",test/1.0,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{stored[3].Id},2025/d.bin,failed,\"The file is a PDF document, not a text article.\",", StringComparison.Ordinal)
            && l.EndsWith(','));
        Assert.Contains($"Exported 4 row(s) from 4 article(s)", run.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MentionsAsJsonLines_OneObjectPerMentionOnStandardOutput()
    {
        var (cli, stored) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("export", "--what", "mentions", "--format", "jsonl", "--prefix", "2026/");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows.Count(r => (string?)r["entity"] == "Ada Lovelace" && (string?)r["articleId"] == stored[0].Id));
        var hopper = Assert.Single(rows, r => (string?)r["entity"] == "Grace Hopper");
        Assert.Equal("person-grace-hopper", (string?)hopper["entityId"]);
        Assert.Equal("Person", (string?)hopper["category"]);
        Assert.Equal("positive", (string?)hopper["mentionSentiment"]);
        Assert.Equal(12, (int)hopper["length"]!);
    }

    [Fact]
    public async Task Export_StatusFilter_OnlyThoseArticles()
    {
        var (cli, stored) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("export", "--status", "failed");

        var row = JsonNode.Parse(Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal(stored[3].Id, (string?)row["id"]);
        Assert.Equal("The file is a PDF document, not a text article.", (string?)row["failureReason"]);
        Assert.Null(row["analyzerVersion"]);
    }

    [Theory]
    [InlineData("--to", "2026-11-20", 4)] // the seeded articles are filed at 2026-11-20T09:30Z: a date-only --to includes that day
    [InlineData("--to", "2026-11-20T09:30:00Z", 0)]
    [InlineData("--to", "9999-12-31", 4)]
    [InlineData("--from", "2026-11-20T09:30:00Z", 4)]
    [InlineData("--from", "2026-11-21", 0)]
    [InlineData("--from", "0001-01-01", 4)]
    public async Task Export_TimeWindow_SameMeaningAsTheApi(string option, string value, int expected)
    {
        var (cli, _) = await SeedAsync(azurite);
        await using var _ = cli;

        var run = await cli.RunAsync("export", option, value);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--from", "last week")]
    [InlineData("--to", "0001-01-01T00:00:00Z")]
    public async Task Export_UnusableTime_UsageError(string option, string value)
    {
        await using var cli = await CliHarness.CreateAsync(azurite, createStorage: false);

        var run = await cli.RunAsync("export", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not an ISO 8601 date or time", run.Error, StringComparison.Ordinal);
    }

    // A table row "│ label │ count │" whatever the padding.
    private static Regex Row(string label, int count) => new($@"│\s*{label}\s*│\s*{count}\s*│");
}

using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

/// <summary>
/// Optional tier: the five real scraped articles in ../shared/seeds, uploaded as users upload them.
/// Reported as skipped on a clone without ../shared.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SeedArticlesTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [SharedSeedsFact]
    public async Task Seeds_Uploaded_GetRealHeadlinesAndRankTheCandidates()
    {
        var seeds = SharedSeedsFactAttribute.SeedsFolder!;
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();
        var files = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            await app.UploadAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), "text/plain");
        }

        var titles = new List<string>();
        foreach (var file in files)
        {
            var article = await client.WaitForArticleAsync(app.Names.Articles, Path.GetFileName(file));
            Assert.Equal("processed", article["status"]!.GetValue<string>());
            titles.Add(article["title"]!.GetValue<string>());
            output.WriteLine($"{Path.GetFileName(file)}: {titles[^1]}");
        }

        Assert.Equal("Can Sanders Rally Supporters Behind Clinton Once His Campaign Ends?", titles[0]);
        Assert.Equal("Some Clinton aides not sure they can back Sanders", titles[1]);
        Assert.StartsWith("Bernie Or Bust: Bernie Sanders Says", titles[2], StringComparison.Ordinal);
        Assert.Equal("Bernie Sanders' People Have A Plan", titles[3]);
        Assert.NotEqual("Bernie Sanders", titles[4]);

        var people = await client.GetJsonAsync("/api/entities?category=Person&top=10");
        var top = people["items"]!.AsArray().Take(3).Select(e => (Name: e!["name"]!.GetValue<string>(), Articles: e["articleCount"]!.GetValue<int>())).ToList();
        foreach (var e in people["items"]!.AsArray())
        {
            output.WriteLine($"{e!["name"]} articles={e["articleCount"]} mentions={e["mentionCount"]} sentiment={e["averageSentiment"]}");
        }

        Assert.Equal([("Bernie Sanders", 5), ("Hillary Clinton", 5), ("Donald Trump", 5)], top);
    }

    [SharedSeedsFact]
    public async Task Seeds_UploadedUnderOutletAndDateNames_TimelineOfBothCandidatesOnThoseDaysAndOutlets()
    {
        var seeds = SharedSeedsFactAttribute.SeedsFolder!;
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();
        var files = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).ToList();
        // As a user would name them with `az storage blob upload --name nbcnews.com/2016/06/10/...`.
        var names = files.Select((f, i) => $"{(i % 2 == 0 ? "nbcnews.com" : "www.huffpost.com")}/2016/06/{10 + i:00}/{Path.GetFileName(f)}").ToList();
        foreach (var (file, name) in files.Zip(names))
        {
            await app.UploadAsync(name, await File.ReadAllBytesAsync(file), "text/plain");
        }

        foreach (var name in names)
        {
            await client.WaitForArticleAsync(app.Names.Articles, name);
        }

        var timeline = await client.GetJsonAsync("/api/timeline?entity=Bernie%20Sanders&entity=Hillary%20Clinton&bucket=day");
        var expectedDays = Enumerable.Range(10, files.Count).Select(d => new DateTimeOffset(2016, 6, d, 0, 0, 0, TimeSpan.Zero)).ToList();
        foreach (var series in timeline["series"]!.AsArray())
        {
            var points = series!["points"]!.AsArray();
            output.WriteLine($"{series["entity"]!["name"]}: " + string.Join(", ", points.Select(p => $"{p!["start"]} n={p["articles"]} tone={p["tone"]!["mean"]}")));
            Assert.Equal(expectedDays, points.Where(p => p!["articles"]!.GetValue<int>() > 0).Select(p => p!["start"]!.GetValue<DateTimeOffset>()));
            Assert.All(points, p => Assert.NotNull(p!["tone"]!["mean"]));
        }

        var bySource = await client.GetJsonAsync("/api/entities/Hillary%20Clinton/sources");
        Assert.Equal(
            [("huffpost.com", 2), ("nbcnews.com", 3)],
            bySource["sources"]!.AsArray().Select(s => (s!["source"]!.GetValue<string>(), s["articles"]!.GetValue<int>())).OrderBy(s => s.Item1, StringComparer.Ordinal));
    }
}

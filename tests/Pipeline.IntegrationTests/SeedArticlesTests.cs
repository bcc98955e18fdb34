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
}

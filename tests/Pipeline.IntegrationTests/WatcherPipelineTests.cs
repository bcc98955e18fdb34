using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>Upload with Azure.Storage.Blobs, let the watcher pick it up, read the results over HTTP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WatcherPipelineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Upload_PlainTextArticle_IsAnalyzedAndQueryable()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();

        await app.UploadAsync("local/harbor.txt", TestArticles.Harbor(), metadata: new Dictionary<string, string> { ["source"] = "porttribune.example", ["published"] = "2024-05-14T09:30:00Z" });
        var article = await client.WaitForArticleAsync(app.Names.Articles, "local/harbor.txt");

        Assert.Equal("processed", article["status"]!.GetValue<string>());
        Assert.Equal("Mayor Maria Delgado Wins Praise for Harbor Cleanup", article["title"]!.GetValue<string>());
        Assert.Equal("porttribune.example", article["source"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 9, 30, 0, TimeSpan.Zero), article["publishedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("en", article["language"]!["iso6391Name"]!.GetValue<string>());

        var text = article["text"]!.GetValue<string>();
        var sentences = article["sentences"]!.AsArray();
        Assert.True(sentences.Count >= 5, $"expected the title and four body sentences, got {sentences.Count}");
        foreach (var sentence in sentences)
        {
            Assert.Equal(text.Substring(sentence!["offset"]!.GetValue<int>(), sentence["length"]!.GetValue<int>()), sentence["text"]!.GetValue<string>());
            AssertScoresSumToOne(sentence["sentiment"]!);
        }

        AssertScoresSumToOne(article["sentiment"]!);
        var delgado = article["entities"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "Maria Delgado");
        Assert.Equal("Person", delgado!["category"]!.GetValue<string>());
        Assert.True(delgado["mentions"]!.AsArray().Count >= 3, "title, body and surname-only mentions corefer to one entity");
        foreach (var mention in delgado["mentions"]!.AsArray())
        {
            Assert.Equal(mention!["text"]!.GetValue<string>(), text.Substring(mention["offset"]!.GetValue<int>(), mention["length"]!.GetValue<int>()));
        }

        Assert.Equal("positive", delgado["sentiment"]!["label"]!.GetValue<string>());
        Assert.NotEmpty(article["keyPhrases"]!.AsArray());
    }

    [Fact]
    public async Task Upload_TwoArticles_EntityLeaderboardAndFiltersReflectBoth()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();

        await app.UploadAsync("a.txt", TestArticles.Harbor(), metadata: new Dictionary<string, string> { ["published"] = "2024-05-14" });
        await app.UploadAsync("b.txt", TestArticles.Scandal(), metadata: new Dictionary<string, string> { ["published"] = "2024-06-02" });
        await client.WaitForArticleAsync(app.Names.Articles, "a.txt");
        await client.WaitForArticleAsync(app.Names.Articles, "b.txt");

        var list = await client.GetJsonAsync("/api/articles");
        Assert.Equal(["b.txt", "a.txt"], list["items"]!.AsArray().Select(i => i!["blobName"]!.GetValue<string>()));

        var june = await client.GetJsonAsync("/api/articles?from=2024-06-01&to=2024-06-30");
        Assert.Equal("b.txt", Assert.Single(june["items"]!.AsArray())!["blobName"]!.GetValue<string>());

        var people = await client.GetJsonAsync("/api/entities?category=Person");
        var hale = people["items"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "Victor Hale");
        Assert.Equal(1, hale!["articleCount"]!.GetValue<int>());
        Assert.True(hale["mentionCount"]!.GetValue<int>() >= 3);
        Assert.True(hale["averageSentiment"]!.GetValue<double>() < 0, "the scandal article is negative toward Hale");

        var byEntity = await client.GetJsonAsync("/api/articles?entity=Victor%20Hale");
        Assert.Equal("b.txt", Assert.Single(byEntity["items"]!.AsArray())!["blobName"]!.GetValue<string>());

        var leaderboard = (await client.GetJsonAsync("/api/entities"))["items"]!.AsArray();
        Assert.Contains(leaderboard, e => e!["name"]!.GetValue<string>() == "Victor Hale");
        Assert.DoesNotContain(leaderboard, e => e!["category"]!.GetValue<string>() is "DateTime" or "Quantity" or "PersonType");
        var dates = (await client.GetJsonAsync("/api/entities?category=DateTime"))["items"]!.AsArray();
        Assert.Contains(dates, e => e!["name"]!.GetValue<string>() == "Tuesday");

        var entityArticles = await client.GetJsonAsync($"/api/entities/{hale["id"]!.GetValue<string>()}/articles");
        Assert.Equal("b.txt", Assert.Single(entityArticles["items"]!.AsArray())!["blobName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_NewVersion_ReplacesResultsIncludingStaleEntities()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();

        await app.UploadAsync("story.txt", TestArticles.Harbor("Maria Delgado"));
        await client.WaitForArticleAsync(app.Names.Articles, "story.txt");
        await app.UploadAsync("story.txt", TestArticles.Scandal());
        await client.WaitForArticleAsync(app.Names.Articles, "story.txt", a => a["title"]!.GetValue<string>().Contains("Victor Hale", StringComparison.Ordinal));

        var people = await client.GetJsonAsync("/api/entities?category=Person&top=100");
        var names = people["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Victor Hale", names);
        Assert.DoesNotContain("Maria Delgado", names);
        Assert.Single((await client.GetJsonAsync("/api/articles"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Delete_Blob_RemovesArticleAndEntityCounts()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();

        await app.UploadAsync("gone.txt", TestArticles.Scandal());
        await client.WaitForArticleAsync(app.Names.Articles, "gone.txt");
        await app.Articles.DeleteBlobAsync("gone.txt");
        await client.WaitUntilGoneAsync(app.Names.Articles, "gone.txt");

        Assert.Empty((await client.GetJsonAsync("/api/articles"))["items"]!.AsArray());
        Assert.Empty((await client.GetJsonAsync("/api/entities"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("image.bin", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }, "PNG")]
    [InlineData("binary.dat", new byte[] { 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00, 0x7F, 0x00, 0x10, 0x00 }, "binary")]
    [InlineData("latin.txt", new byte[] { 0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0xFE, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x73 }, "UTF")]
    public async Task Upload_UnreadableBlob_BecomesFailedRecordWithReason(string name, byte[] content, string reasonMentions)
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();

        await app.UploadAsync(name, content, contentType: null);
        var article = await client.WaitForArticleAsync(app.Names.Articles, name);

        Assert.Equal("failed", article["status"]!.GetValue<string>());
        Assert.Contains(reasonMentions, article["failureReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var failed = await client.GetJsonAsync("/api/articles?status=failed");
        Assert.Equal(name, Assert.Single(failed["items"]!.AsArray())!["blobName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_OverSizeLimit_BecomesFailedRecordNamingTheLimit()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique(), new Dictionary<string, string?> { ["Processing:MaxArticleBytes"] = "2000" });
        var client = app.CreateClient();

        await app.UploadAsync("huge.txt", "Big News\n\n" + string.Concat(Enumerable.Repeat("The council met again today. ", 200)));
        var article = await client.WaitForArticleAsync(app.Names.Articles, "huge.txt");

        Assert.Equal("failed", article["status"]!.GetValue<string>());
        Assert.Contains("2,000", article["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_AlreadyProcessedBlobs_AreNotReprocessed()
    {
        var names = StorageNames.Unique();
        string processedAt;
        await using (var first = new PipelineAppFactory(azurite, names))
        {
            var client = first.CreateClient();
            await first.UploadAsync("kept.txt", TestArticles.Harbor());
            processedAt = (await client.WaitForArticleAsync(names.Articles, "kept.txt"))["processedAt"]!.GetValue<string>();
        }

        await using var second = new PipelineAppFactory(azurite, names);
        var restarted = second.CreateClient();
        await second.UploadAsync("new.txt", TestArticles.Scandal());
        await restarted.WaitForArticleAsync(names.Articles, "new.txt");

        var kept = await restarted.GetJsonAsync($"/api/articles/{Pipeline.Core.Articles.ArticleId.For(names.Articles, "kept.txt")}");
        Assert.Equal(processedAt, kept["processedAt"]!.GetValue<string>());
        var health = await restarted.GetJsonAsync("/api/health");
        Assert.Equal(1, health["watcher"]!["processed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Upload_ManyArticles_PagesWithContinuationTokenNewestFirst()
    {
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        var client = app.CreateClient();

        for (var i = 0; i < 7; i++)
        {
            await app.UploadAsync($"p{i}.txt", TestArticles.Plain($"Council Report Number {i}", $"The Port Avery council met on day {i} and approved the budget."),
                metadata: new Dictionary<string, string> { ["published"] = $"2024-0{1 + i}-10" });
        }

        for (var i = 0; i < 7; i++)
        {
            await client.WaitForArticleAsync(app.Names.Articles, $"p{i}.txt");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await client.GetJsonAsync("/api/articles?top=3" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 3);
            seen.AddRange(items.Select(x => x!["blobName"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"p{i}.txt"), seen);
    }

    private static void AssertScoresSumToOne(JsonNode sentiment)
    {
        var scores = sentiment["scores"]!;
        var sum = scores["positive"]!.GetValue<double>() + scores["neutral"]!.GetValue<double>() + scores["negative"]!.GetValue<double>();
        Assert.InRange(sum, 0.999, 1.001);
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

/// <summary>The dashboard in Debian's Chromium (never a downloaded browser), driven by Playwright, against the real app on a real port.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_WithArticles_ShowsLeaderboardListAndHighlightedArticle()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (test.sh does this when run as root).");
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // not UseKestrel(0): dotnet/aspnetcore#67714
        app.StartServer();
        var client = app.CreateClient();
        await app.UploadAsync("harbor.txt", TestArticles.Harbor(), metadata: new Dictionary<string, string> { ["source"] = "porttribune.example" });
        await app.UploadAsync("scandal.txt", TestArticles.Scandal());
        await client.WaitForArticleAsync(app.Names.Articles, "harbor.txt");
        await client.WaitForArticleAsync(app.Names.Articles, "scandal.txt");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };

        await page.GotoAsync(client.BaseAddress + "api/dashboard");
        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Victor Hale");
        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Maria Delgado");
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("ready");
        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(2);

        // Filter by clicking an entity, then open the article it leaves.
        await page.Locator("#entity-rows tr[data-entity='person-victor-hale']").ClickAsync();
        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(1);
        await page.Locator("#article-rows tr.row").First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2")).ToContainTextAsync("Senator Victor Hale Faces Growing Scandal");
        await Assertions.Expect(page.Locator("#detail mark").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#detail .s-negative").CountAsync() > 0, "negative sentences are highlighted");

        // Bad input in a filter shows the API's problem message instead of failing silently.
        await page.FillAsync("input[name=from]", "2024-06-02");
        await page.FillAsync("input[name=to]", "2024-06-01");
        await page.ClickAsync("#article-form button");
        await Assertions.Expect(page.Locator("#article-error")).ToContainTextAsync("to");

        var shot = Path.Combine(RepoRoot.Path, "artifacts", "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine("screenshot: " + shot);
        Assert.DoesNotContain(errors, e => !e.Contains("400", StringComparison.Ordinal));
    }

    /// <summary>With a key required (Api:Key locally, a function key on Azure), the page opened with ?code= sends it on every call.</summary>
    [Fact]
    public async Task Dashboard_OpenedWithCode_SendsTheKeyWithEveryApiCall()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (test.sh does this when run as root).");
        const string key = "browser-test-key-0123456789";
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique(), new Dictionary<string, string?> { ["Api:Key"] = key });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        await app.UploadAsync("harbor.txt", TestArticles.Harbor());
        await client.WaitForArticleAsync(app.Names.Articles, "harbor.txt");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var withoutKey = await page.GotoAsync(client.BaseAddress + "api/dashboard");
        Assert.Equal((int)HttpStatusCode.Unauthorized, withoutKey!.Status);

        await page.GotoAsync(client.BaseAddress + "api/dashboard?code=" + key);

        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Maria Delgado");
        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("ready");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
}

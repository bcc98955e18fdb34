using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>The API reference at /api/docs in Debian's Chromium: it renders our operations, and every request it makes goes to the app.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ApiReferenceBrowserTests(AzuriteFixture azurite)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Docs_InChromium_RendersTheOperationsLoadingNothingFromOtherHosts()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (test.sh does this when run as root).");
        await using var app = new PipelineAppFactory(azurite, StorageNames.Unique());
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // not UseKestrel(0): dotnet/aspnetcore#67714
        app.StartServer();
        var origin = app.CreateClient().BaseAddress!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var requested = new List<Uri>();
        page.Request += (_, request) => requested.Add(new Uri(request.Url));

        await page.GotoAsync(origin + "api/docs");

        await Assertions.Expect(page.GetByText("Articles, newest first, filtered and paged").First).ToBeVisibleAsync();
        Assert.Contains(requested, uri => uri.AbsolutePath == "/openapi/v1.json");
        var elsewhere = requested.Where(uri => uri.Scheme is "http" or "https" && uri.Authority != origin.Authority).ToList();
        Assert.True(elsewhere.Count == 0, "requests to other hosts: " + string.Join(", ", elsewhere));
    }
}

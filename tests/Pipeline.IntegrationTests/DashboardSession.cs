using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>
/// The real app on a real port with seeded articles, and the dashboard open in Debian's Chromium (never a
/// downloaded browser) driven by Playwright; collects page errors and console errors (CSP violations are both).
/// </summary>
internal sealed class DashboardSession : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly PipelineAppFactory _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardSession(PipelineAppFactory app, HttpClient client, IPlaywright playwright, IBrowser browser, IPage page)
    {
        (_app, Client, _playwright, _browser, Page) = (app, client, playwright, browser, page);
        page.PageError += (_, e) => Errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") { Errors.Add(m.Text); } };
    }

    public HttpClient Client { get; }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>Starts the app, uploads the articles, waits until each is stored, and opens a browser page (not yet the dashboard).</summary>
    public static async Task<DashboardSession> StartAsync(AzuriteFixture azurite, IEnumerable<SeedArticle> articles, IReadOnlyDictionary<string, string?>? settings = null, string? key = null)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (test.sh does this when run as root).");
        var app = new PipelineAppFactory(azurite, StorageNames.Unique(), settings);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)); // not UseKestrel(0): dotnet/aspnetcore#67714
        app.StartServer();
        var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        var seeded = articles.ToList();
        foreach (var article in seeded)
        {
            await app.UploadAsync(article.BlobName, article.Content, article.ContentType, article.Metadata);
        }

        foreach (var article in seeded)
        {
            await client.WaitForArticleAsync(app.Names.Articles, article.BlobName);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        return new DashboardSession(app, client, playwright, browser, page);
    }

    public async Task<IResponse?> OpenAsync(string query = "") => await Page.GotoAsync(Client.BaseAddress + "api/dashboard" + query);

    /// <summary>Waits until the chart on the canvas satisfies a condition on `c` (the Chart.js instance).</summary>
    public async Task WaitForChartAsync(string canvasId, string condition) =>
        await Page.WaitForFunctionAsync($"() => {{ const c = Chart.getChart(document.getElementById('{canvasId}')); return !!c && ({condition}); }}", null, new() { Timeout = 15_000 });

    /// <summary>The chart's labels and datasets (label and data), as Chart.js holds them.</summary>
    public async Task<ChartData> ChartAsync(string canvasId)
    {
        var json = await Page.EvaluateAsync<string>($"() => {{ const c = Chart.getChart(document.getElementById('{canvasId}')); return JSON.stringify({{ labels: c.data.labels, datasets: c.data.datasets.map(d => ({{ label: d.label, data: d.data }})) }}); }}");
        return JsonSerializer.Deserialize<ChartData>(json, JsonSerializerOptions.Web)!;
    }

    /// <summary>How many pixels of the canvas are painted: proof the chart was drawn, not just configured.</summary>
    public async Task<int> PaintedPixelsAsync(string canvasId) =>
        await Page.EvaluateAsync<int>($"() => {{ const c = document.getElementById('{canvasId}'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }}");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

internal sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<ChartDataset> Datasets);

internal sealed record ChartDataset(string Label, IReadOnlyList<double?> Data);

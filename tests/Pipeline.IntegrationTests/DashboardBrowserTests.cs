using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

/// <summary>The dashboard in Debian's Chromium against the real app on a real port, over articles on known days and outlets.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_TwoEntitiesCompared_DrawsTwoToneSeriesVolumeAndOutlets()
    {
        await using var session = await DashboardSession.StartAsync(azurite, DashboardCorpus.Articles);
        var page = session.Page;
        await session.OpenAsync();
        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Victor Hale");

        // Compare two entities: one ticked in the leaderboard, one typed by name.
        await session.WaitForChartAsync("tone-chart", "c.data.datasets.length === 2"); // the two most covered, charted on opening
        while (await page.Locator("#chips [data-remove]").CountAsync() > 0)
        {
            await page.Locator("#chips [data-remove]").First.ClickAsync();
        }

        await session.WaitForChartAsync("tone-chart", "c.data.datasets.length === 0");
        await page.Locator($"#entity-rows input[data-compare='{DashboardCorpus.Hale}']").CheckAsync();
        await page.FillAsync("#compare-form input[name=who]", "Maria Delgado");
        await page.ClickAsync("#compare-form button");
        await session.WaitForChartAsync("tone-chart", "c.data.datasets.length === 2");

        var tone = await session.ChartAsync("tone-chart");
        Assert.Equal(["Victor Hale", "Maria Delgado"], tone.Datasets.Select(d => d.Label));
        var timeline = await session.Client.GetJsonAsync($"/api/timeline?entity={DashboardCorpus.Hale}&entity={DashboardCorpus.Delgado}&bucket=week");
        var series = timeline["series"]!.AsArray();
        Assert.Equal(series[0]!["points"]!.AsArray().Select(p => ((string)p!["start"]!)[..10]), tone.Labels);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(series[i]!["points"]!.AsArray().Select(p => (double?)p!["tone"]!["mean"]), tone.Datasets[i].Data);
        }

        Assert.Contains(tone.Datasets[0].Data, v => v is not null);
        Assert.Contains(tone.Datasets[1].Data, v => v is not null);

        var volume = await session.ChartAsync("volume-chart");
        Assert.Equal(DashboardCorpus.DatedPerWeek.Select(n => (double?)n), volume.Datasets.Single(d => d.Label == "all articles").Data);
        Assert.True(await session.PaintedPixelsAsync("tone-chart") > 1000, "the tone chart is drawn");
        Assert.True(await session.PaintedPixelsAsync("volume-chart") > 1000, "the volume chart is drawn");
        await Assertions.Expect(page.Locator("#timeline-note")).ToContainTextAsync("1 undated article");

        // Focus one entity: tone toward it by outlet, who appears with it, its articles with the tone toward it.
        await page.Locator($"#entity-rows tr[data-entity='{DashboardCorpus.Hale}'] td:nth-child(2)").ClickAsync();
        await session.WaitForChartAsync("outlet-chart", "c.data.labels.length > 0");
        var outlets = await session.ChartAsync("outlet-chart");
        var bySource = await session.Client.GetJsonAsync($"/api/entities/{DashboardCorpus.Hale}/sources");
        var sources = bySource["sources"]!.AsArray();
        Assert.Equal(sources.Select(s => $"{(string?)s!["source"] ?? "unknown outlet"} (n={(int)s!["tone"]!["count"]!})"), outlets.Labels);
        Assert.Contains("foxnews.com (n=2)", outlets.Labels);
        Assert.Contains("nbcnews.com (n=2)", outlets.Labels);
        var fox = outlets.Datasets[0].Data[outlets.Labels.ToList().IndexOf("foxnews.com (n=2)")];
        var nbc = outlets.Datasets[0].Data[outlets.Labels.ToList().IndexOf("nbcnews.com (n=2)")];
        Assert.True(fox < nbc, $"the accusing outlet's tone toward Hale ({fox}) is below the praising outlet's ({nbc})");
        Assert.True(await session.PaintedPixelsAsync("outlet-chart") > 1000, "the outlet chart is drawn");
        await Assertions.Expect(page.Locator("#co-rows")).ToContainTextAsync("Maria Delgado");
        await Assertions.Expect(page.Locator("#entity-tone-head")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(6); // 2 scandal, 2 relief, 2 budget (one undated)

        await SaveScreenshotAsync(page);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Dashboard_OutletFilterAndDailySteps_NarrowEveryPanel()
    {
        await using var session = await DashboardSession.StartAsync(azurite, DashboardCorpus.Articles);
        var page = session.Page;
        await session.OpenAsync();
        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Maria Delgado");
        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(DashboardCorpus.Articles.Count);
        await session.WaitForChartAsync("volume-chart", "c.data.labels.length === 3");

        await page.FillAsync("#filters input[name=source]", "foxnews.com");
        await page.SelectOptionAsync("#filters select[name=bucket]", "day");
        await page.ClickAsync("#filters button[type=submit]");

        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#article-rows")).Not.ToContainTextAsync("nbcnews.com");
        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Victor Hale");
        await Assertions.Expect(page.Locator("#entity-rows")).Not.ToContainTextAsync("Maria Delgado");
        await session.WaitForChartAsync("volume-chart", "c.data.labels[0] === '2016-06-08'");
        var volume = await session.ChartAsync("volume-chart");
        Assert.Equal("2016-06-14", volume.Labels[^1]);
        Assert.Equal(7, volume.Labels.Count); // every day from the first article to the last, empty days included
        var all = volume.Datasets.Single(d => d.Label == "all articles").Data;
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], all.Select(v => (int)v!.Value));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Dashboard_ArticleView_MarksEntityMentionsAndColoursSentences()
    {
        await using var session = await DashboardSession.StartAsync(azurite, DashboardCorpus.Articles);
        var page = session.Page;
        await session.OpenAsync();
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("ready");

        // Undated and unattributed articles say so; they are never given the upload day or a made-up outlet.
        var undated = page.Locator("#article-rows tr.row", new() { HasText = "Criticised Over Budget" }).Filter(new() { HasText = "undated" });
        await Assertions.Expect(undated).ToHaveCountAsync(1);
        await Assertions.Expect(undated).ToContainTextAsync("unknown outlet");

        await page.FillAsync("#article-form input[name=entity]", DashboardCorpus.Hale);
        await page.SelectOptionAsync("#article-form select[name=sentiment]", "negative");
        await page.ClickAsync("#article-form button");
        await Assertions.Expect(page.Locator("#article-rows")).Not.ToContainTextAsync("Harbor"); // praised, and not about Hale
        await page.Locator("#article-rows tr.row", new() { HasText = "Scandal" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2")).ToHaveTextAsync("Senator Victor Hale Faces Growing Scandal Over Donations");
        await Assertions.Expect(page.Locator($"#detail mark[data-entity='{DashboardCorpus.Hale}']").First).ToBeVisibleAsync();
        Assert.True(await page.Locator($"#detail mark[data-entity='{DashboardCorpus.Hale}']").CountAsync() >= 3, "every mention of Hale is marked");
        Assert.True(await page.Locator("#detail .s-negative").CountAsync() > 0, "negative sentences are coloured");
        await Assertions.Expect(page.Locator("#detail")).ToContainTextAsync("foxnews.com");
        await Assertions.Expect(page.Locator("#detail")).ToContainTextAsync("2016-06-");

        // Bad input in a filter shows the API's problem message instead of failing silently.
        await page.FillAsync("#filters input[name=from]", "2016-06-20");
        await page.FillAsync("#filters input[name=to]", "2016-06-01");
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("#article-error")).ToContainTextAsync("to");
        Assert.DoesNotContain(session.Errors, e => !e.Contains("400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_MarkupInTitleOutletAndBody_IsShownAsTextAndNeverRuns()
    {
        await using var session = await DashboardSession.StartAsync(azurite, [DashboardCorpus.Hostile, DashboardCorpus.Articles[1]]);
        var page = session.Page;
        await session.OpenAsync();

        var row = page.Locator("#article-rows tr.row", new() { HasText = "responds" });
        await Assertions.Expect(row).ToContainTextAsync("<img src=x onerror=\"window.__pwned=1\"> Victor Hale <script>");
        await Assertions.Expect(row).ToContainTextAsync("<b onmouseover=");
        await page.Locator("#article-rows td", new() { HasText = "Evil Times" }).HoverAsync();
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2")).ToContainTextAsync("<script>window.__pwned=2</script>");
        await Assertions.Expect(page.Locator("#detail .text")).ToContainTextAsync("<script>window.__pwned=6</script>");
        await page.Locator("#detail .text mark").First.HoverAsync();
        await Assertions.Expect(page.Locator("#sources")).ToContainTextAsync("Evil Times");

        Assert.Equal(0, await page.Locator("main img, main script, main b").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Empty(session.Errors);
    }

    /// <summary>With a key required (Api:Key locally, a function key on Azure), the page opened with ?code= sends it on every call.</summary>
    [Fact]
    public async Task Dashboard_OpenedWithCode_SendsTheKeyWithEveryApiCall()
    {
        const string key = "browser-test-key-0123456789";
        await using var session = await DashboardSession.StartAsync(
            azurite, [DashboardCorpus.Articles[0]], new Dictionary<string, string?> { ["Api:Key"] = key }, key);
        var page = session.Page;

        var withoutKey = await session.OpenAsync();
        Assert.Equal((int)HttpStatusCode.Unauthorized, withoutKey!.Status);

        await session.OpenAsync("?code=" + key);
        await Assertions.Expect(page.Locator("#entity-rows")).ToContainTextAsync("Maria Delgado");
        await Assertions.Expect(page.Locator("#article-rows tr.row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("ready");
        await session.WaitForChartAsync("volume-chart", "c.data.datasets.length > 0");
    }

    /// <summary>The dashboard panels that answer README's questions, each pictured beside its curl call (docs/questions/).</summary>
    private static readonly string[] QuestionPanels = ["timeline", "focus", "articles", "sources", "entities"];

    /// <summary>
    /// The whole page and each question's panel, always to artifacts/screenshots/; with PIPELINE_UPDATE_SCREENSHOTS=1
    /// also to docs/dashboard.png and docs/questions/, the pictures README shows (kept out of ordinary runs so a test
    /// run never changes a tracked file).
    /// </summary>
    private async Task SaveScreenshotAsync(IPage page)
    {
        var folder = Path.Combine(RepoRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(Path.Combine(folder, "questions"));
        await page.SetViewportSizeAsync(1440, 1360);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var shots = new List<string> { Path.Combine(folder, "dashboard.png") };
        await page.ScreenshotAsync(new() { Path = shots[0] });
        foreach (var panel in QuestionPanels)
        {
            var shot = Path.Combine(folder, "questions", panel + ".png");
            await page.Locator("#" + panel).ScreenshotAsync(new() { Path = shot });
            shots.Add(shot);
        }

        output.WriteLine("screenshots: " + string.Join(", ", shots));
        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_SCREENSHOTS") == "1")
        {
            foreach (var shot in shots)
            {
                var tracked = Path.Combine(RepoRoot.Path, "docs", Path.GetRelativePath(folder, shot));
                Directory.CreateDirectory(Path.GetDirectoryName(tracked)!);
                File.Copy(shot, tracked, overwrite: true);
            }
        }
    }
}

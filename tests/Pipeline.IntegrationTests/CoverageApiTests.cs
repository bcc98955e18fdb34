using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>
/// The coverage views end to end: articles uploaded as users name them ("outlet/yyyy/MM/dd/slug.txt", or nothing),
/// processed by the real analyzer, answered over HTTP on the right days and outlets, undated ones counted apart.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CoverageApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PipelineAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new PipelineAppFactory(azurite, StorageNames.Unique());
        _client = _app.CreateClient();
        await UploadAndWaitAsync("porttribune.example/2026/03/02/harbor.txt", TestArticles.Harbor());
        await UploadAndWaitAsync("cityledger.example/2026/03/04/harbor-again.txt", TestArticles.Edition(TestArticles.Harbor(), 2));
        await UploadAndWaitAsync("porttribune.example/2026/03/09/scandal.txt", TestArticles.Scandal());
        await UploadAndWaitAsync("scandal-no-date.txt", TestArticles.Edition(TestArticles.Scandal(), 2));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task UploadAndWaitAsync(string name, string text)
    {
        await _app.UploadAsync(name, text);
        await _client.WaitForArticleAsync(_app.Names.Articles, name);
    }

    private static DateTimeOffset Day(int day) => new(2026, 3, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Articles_NamedByOutletAndDate_SayWhereDateAndSourceCameFrom()
    {
        var dated = await _client.WaitForArticleAsync(_app.Names.Articles, "porttribune.example/2026/03/02/harbor.txt");
        var undated = await _client.WaitForArticleAsync(_app.Names.Articles, "scandal-no-date.txt");

        Assert.Equal(("path", "porttribune.example", "path"), (dated["dateSource"]!.GetValue<string>(), dated["source"]!.GetValue<string>(), dated["sourceOrigin"]!.GetValue<string>()));
        Assert.Equal(Day(2), dated["publishedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("upload", undated["dateSource"]!.GetValue<string>());
        Assert.Null(undated["publishedAt"]);
        Assert.Null(undated["source"]);
        Assert.Null(undated["sourceOrigin"]);
    }

    [Fact]
    public async Task Timeline_TwoEntitiesByDay_TwoSeriesOnTheRightDaysUndatedCountedApart()
    {
        var timeline = await _client.GetJsonAsync("/api/timeline?entity=Maria%20Delgado&entity=Victor%20Hale&bucket=day");

        var series = timeline["series"]!.AsArray();
        Assert.Equal(["Maria Delgado", "Victor Hale"], series.Select(s => s!["entity"]!["name"]!.GetValue<string>()));
        var maria = Points(series[0]!);
        var victor = Points(series[1]!);
        Assert.Equal(8, maria.Count); // March 2 to March 9, both series on the same days
        Assert.Equal(maria.Keys, victor.Keys);
        Assert.Equal([Day(2), Day(4)], maria.Where(p => p.Value.Articles > 0).Select(p => p.Key));
        Assert.Equal([Day(9)], victor.Where(p => p.Value.Articles > 0).Select(p => p.Key));
        Assert.Equal(0, series[0]!["undated"]!.GetValue<int>());
        Assert.Equal(1, series[1]!["undated"]!.GetValue<int>());
        Assert.True(maria[Day(2)].Tone > 0, $"tone toward the praised mayor: {maria[Day(2)].Tone}");
        Assert.True(victor[Day(9)].Tone < 0, $"tone toward the accused senator: {victor[Day(9)].Tone}");

        var withUndated = await _client.GetJsonAsync("/api/timeline?entity=Victor%20Hale&includeUndated=true&bucket=month");
        Assert.Equal(2, withUndated["series"]![0]!["points"]!.AsArray().Sum(p => p!["articles"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Timeline_NoEntityWithSource_VolumeOfThatOutlet()
    {
        var timeline = await _client.GetJsonAsync("/api/timeline?source=PortTribune.example&bucket=week");

        var series = Assert.Single(timeline["series"]!.AsArray());
        Assert.Null(series!["entity"]);
        Assert.Equal([(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 1), (new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), 1)],
            series["points"]!.AsArray().Select(p => (p!["start"]!.GetValue<DateTimeOffset>(), p["articles"]!.GetValue<int>())));
    }

    [Fact]
    public async Task EntitySources_ToneTowardEntityPerOutlet()
    {
        var answer = await _client.GetJsonAsync("/api/entities/Maria%20Delgado/sources");

        Assert.Equal("Maria Delgado", answer["entity"]!["name"]!.GetValue<string>());
        var sources = answer["sources"]!.AsArray();
        Assert.Equal(["cityledger.example", "porttribune.example"], sources.Select(s => s!["source"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(sources, s =>
        {
            Assert.Equal(1, s!["articles"]!.GetValue<int>());
            Assert.True(s["mentions"]!.GetValue<int>() >= 1);
            Assert.Equal(1, s["tone"]!["count"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task Sources_CountsEveryOutletAndTheUnknownOne()
    {
        var answer = await _client.GetJsonAsync("/api/sources");

        var sources = answer["sources"]!.AsArray().ToDictionary(s => s!["source"]?.GetValue<string>() ?? "(unknown)", s => s!["articles"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["porttribune.example"] = 2, ["cityledger.example"] = 1, ["(unknown)"] = 1 }, sources);
    }

    [Fact]
    public async Task CoMentions_WhoAppearsWithTheEntity()
    {
        var answer = await _client.GetJsonAsync("/api/entities/Victor%20Hale/co-mentions");

        var names = answer["coMentions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Riverside Ethics Board", names);
        Assert.DoesNotContain("Victor Hale", names);
        Assert.DoesNotContain("Maria Delgado", names);
    }

    [Fact]
    public async Task Status_CountsFromStorage()
    {
        var status = await _client.GetJsonAsync("/api/status");

        Assert.Equal((4, 4, 0, 1), (status["total"]!.GetValue<int>(), status["processed"]!.GetValue<int>(), status["failed"]!.GetValue<int>(), status["undated"]!.GetValue<int>()));
        Assert.NotNull(status["lastProcessedAt"]);
        Assert.Equal(0, status["pending"]!.GetValue<int>());
    }

    [Fact]
    public async Task Leaderboard_SourceFilter_OnlyThatOutlet()
    {
        var board = await _client.GetJsonAsync("/api/entities?source=cityledger.example");

        var names = board["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Maria Delgado", names);
        Assert.DoesNotContain("Victor Hale", names);
    }

    [Fact]
    public async Task EntityArticles_CarryMentionsAndToneTowardTheEntity()
    {
        var page = await _client.GetJsonAsync("/api/entities/Victor%20Hale/articles");

        var items = page["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.All(items, a =>
        {
            Assert.True(a!["entityMentions"]!.GetValue<int>() >= 2);
            Assert.True(a["entityTone"]!.GetValue<double>() < 0);
        });
    }

    [Fact]
    public async Task Timeline_SameQueryWithETag_304UntilAWriteThen200()
    {
        const string Path = "/api/timeline?entity=Maria%20Delgado";
        using var first = await _client.GetAsync(Path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, Path) { Headers = { IfNoneMatch = { etag } } };
        using var notModified = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await UploadAndWaitAsync("cityledger.example/2026/03/05/harbor-third.txt", TestArticles.Edition(TestArticles.Harbor(), 3));
        using var afterWrite = new HttpRequestMessage(HttpMethod.Get, Path) { Headers = { IfNoneMatch = { etag } } };
        using var changed = await _client.SendAsync(afterWrite);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var points = Points(JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["series"]![0]!);
        Assert.Equal(1, points[Day(5)].Articles);
    }

    [Theory]
    [InlineData("/api/timeline?bucket=year", "bucket")]
    [InlineData("/api/timeline?includeUndated=maybe", "includeUndated")]
    [InlineData("/api/timeline?from=2000-01-01&to=2020-01-01&bucket=day", "bucket")]
    [InlineData("/api/timeline?entity=a&entity=b&entity=c&entity=d&entity=e&entity=f&entity=g&entity=h&entity=i&entity=j&entity=k", "entity")]
    [InlineData("/api/timeline?entitty=x", "entitty")]
    [InlineData("/api/sources?top=0", "top")]
    [InlineData("/api/sources?source=x", "source")]
    [InlineData("/api/entities/Victor%20Hale/sources?from=2026-04-01&to=2026-03-01", "to")]
    [InlineData("/api/entities/Victor%20Hale/co-mentions?top=501", "top")]
    public async Task Get_BadParameter_Returns400NamingIt(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Theory]
    [InlineData("/api/timeline?entity=Nobody%20At%20All")]
    [InlineData("/api/entities/nobody-at-all/sources")]
    [InlineData("/api/entities/Nobody/co-mentions")]
    public async Task Get_UnknownEntity_Returns404Problem(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Dictionary<DateTimeOffset, (int Articles, double? Tone)> Points(JsonNode series) =>
        series["points"]!.AsArray().ToDictionary(
            p => p!["start"]!.GetValue<DateTimeOffset>(),
            p => (p!["articles"]!.GetValue<int>(), p["tone"]!["mean"]?.GetValue<double>()));
}

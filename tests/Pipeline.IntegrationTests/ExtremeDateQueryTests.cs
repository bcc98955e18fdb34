using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Processing;
using Pipeline.Testing;
using Pipeline.Testing.Builders;

namespace Pipeline.IntegrationTests;

/// <summary>Dates at the ends of the calendar on every endpoint that filters by time: an answer, never a 500.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExtremeDateQueryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Endpoints = ["/api/articles", "/api/entities", "/api/entities/person-ada-lovelace/articles"];

    private PipelineAppFactory _app = null!;
    private HttpClient _client = null!;

    public static TheoryData<string, string> Dates()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var query in (string[])["to=9999-12-31", "from=9999-12-31", "from=0001-01-01", "to=0001-01-01",
                "from=0001-01-01&to=9999-12-31", "to=9999-12-31T23:59:59.9999999Z", "from=0001-01-01T00:00:00Z"])
            {
                data.Add(endpoint, query);
            }
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _app = new PipelineAppFactory(azurite, StorageNames.Unique());
        _client = _app.CreateClient();
        // One stored article with an entity, so each endpoint reaches the store's time ranges rather than a 404.
        var repository = _app.Services.GetRequiredService<IArticleRepository>();
        await repository.SaveAsync(new ArticleRecordBuilder().WithEntity("Ada Lovelace").Build(), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task Get_DateAtTheEndOfTheCalendar_Returns200(string endpoint, string query)
    {
        using var response = await _client.GetAsync($"{endpoint}?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(body["items"]);
    }

    [Theory]
    [InlineData("/api/articles?to=0001-01-01T00:00:00Z")]
    [InlineData("/api/entities?to=0001-01-01T00:00:00Z")]
    [InlineData("/api/entities/person-ada-lovelace/articles?to=0001-01-01T00:00:00Z")]
    [InlineData("/api/articles?to=9999-12-31T23:59:59-05:00")]
    [InlineData("/api/articles?from=0001-01-01T00:00:00%2B05:00")]
    public async Task Get_DateNothingCanPrecedeOrBeyondTheCalendar_Returns400NamingIt(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var parameter = path.Contains("?to=", StringComparison.Ordinal) ? "to" : "from";
        Assert.NotNull(problem["errors"]![parameter]);
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Server.Tests.ApiDocs;

/// <summary>/api/docs is the Scalar reference over /openapi/v1.json, and everything it loads comes from the app itself.</summary>
public sealed partial class ApiReferenceTests : IClassFixture<ServerAppFactory>
{
    private readonly ServerAppFactory _factory;

    public ApiReferenceTests(ServerAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Get_Docs_ReturnsTheScalarPageOverOurDocument()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/docs");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Pipeline API</title>", page, StringComparison.Ordinal);

        // Scalar's script resolves the document against the app's root, found by taking /api/docs/ off the page's path.
        Assert.Equal("/api/docs/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Docs_EveryScriptAndStylesheetIsServedByTheApp()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/docs");
        var pageUri = response.RequestMessage!.RequestUri!;
        var page = await response.Content.ReadAsStringAsync();

        var assets = AssetReference().Matches(page).Select(m => new Uri(pageUri, m.Groups["url"].Value)).ToList();

        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.True(asset.Host == pageUri.Host && asset.Port == pageUri.Port, $"{asset} is not served by the app");
            using var fetched = await client.GetAsync(asset);
            Assert.True(fetched.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)fetched.StatusCode}");
            Assert.True((await fetched.Content.ReadAsByteArrayAsync()).Length > 0, $"{asset} is empty");
        }
    }

    [Fact]
    public async Task Get_Docs_NamesNoOtherHost()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetStringAsync("/api/docs");

        var foreign = AbsoluteUrl().Matches(page).Select(m => m.Value).Where(url => !url.StartsWith("http://localhost", StringComparison.Ordinal)).ToList();

        Assert.True(foreign.Count == 0, "the page names other hosts: " + string.Join(", ", foreign));
    }

    [Fact]
    public async Task Get_DocsWithApiKeyConfigured_IsServedWithoutTheKey()
    {
        using var factory = new ServerAppFactory().WithSetting("Api:Key", "local-test-key-0123456789");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Scripts, stylesheets and icons in the HTML, and the favicon Scalar's script adds from its configuration.</summary>
    [GeneratedRegex(""""<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["'](?<url>[^"']+)["']|"favicon":"(?<url>[^"]+)"""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();

    [GeneratedRegex("""https?://[^\s"'<>)]+""", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Api.Docs;
using Pipeline.Testing;

namespace Pipeline.Server.Tests.ApiDocs;

/// <summary>
/// The copy of the OpenAPI document the Functions app serves (<see cref="PublishedApiDocument"/>) is the document
/// this server generates. When an endpoint, parameter or schema changes, this fails until the copy is refreshed:
/// <c>PIPELINE_UPDATE_OPENAPI=1 dotnet test tests/Pipeline.Server.Tests --filter PublishedApiDocumentTests</c>.
/// </summary>
public sealed class PublishedApiDocumentTests(ServerAppFactory factory) : IClassFixture<ServerAppFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task PublishedDocument_Always_EqualsTheServersDocument()
    {
        var generated = await GeneratedAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_OPENAPI") == "1")
        {
            var path = Path.Combine(RepoRoot.Path, "src", "Pipeline.Api", "Docs", "openapi.v1.json");
            await File.WriteAllTextAsync(path, generated.ToJsonString(Indented) + "\n");
        }

        var published = Comparable(JsonNode.Parse(PublishedApiDocument.Utf8.Span)!);

        Assert.True(
            JsonNode.DeepEquals(generated, published),
            "src/Pipeline.Api/Docs/openapi.v1.json differs from the document the server generates; refresh it with "
            + "PIPELINE_UPDATE_OPENAPI=1 dotnet test tests/Pipeline.Server.Tests --filter PublishedApiDocumentTests, then rebuild.");
    }

    [Fact]
    public async Task Get_DocumentUnderTheApiPrefix_IsTheSameDocument()
    {
        Assert.True(JsonNode.DeepEquals(await GeneratedAsync("/openapi/v1.json"), await GeneratedAsync(ApiDocsExtensions.ApiDocumentPath)));
    }

    [Fact]
    public void Get_UnknownDocumentName_NotFound()
    {
        Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.NotFound>(PublishedApiDocument.Get("v2").Result);
    }

    private async Task<JsonNode> GeneratedAsync(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Comparable(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    // The generator names the server it was asked through; the copy serves any host, so it names none.
    private static JsonNode Comparable(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
    }
}

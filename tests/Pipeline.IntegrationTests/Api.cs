using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Core.Articles;

namespace Pipeline.IntegrationTests;

/// <summary>Small HTTP helpers: the tests read the API as a client would, as JSON, not through the app's types.</summary>
internal static class Api
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} returned {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Polls GET /api/articles/{id} until the article exists and satisfies the condition.</summary>
    public static async Task<JsonNode> WaitForArticleAsync(this HttpClient client, string container, string blobName, Func<JsonNode, bool>? until = null, int timeoutSeconds = 30)
    {
        var id = ArticleId.For(container, blobName);
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            using var response = await client.GetAsync($"/api/articles/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (until is null || until(node))
                {
                    return node;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Article {id} ({blobName}) not ready within {timeoutSeconds} s; last status {(int)response.StatusCode}.");
            await Task.Delay(50);
        }
    }

    public static async Task WaitUntilGoneAsync(this HttpClient client, string container, string blobName, int timeoutSeconds = 30)
    {
        var id = ArticleId.For(container, blobName);
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            using var response = await client.GetAsync($"/api/articles/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Article {id} still present after {timeoutSeconds} s.");
            await Task.Delay(50);
        }
    }
}

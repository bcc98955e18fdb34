using System.Net;
using System.Text.Json;

namespace Pipeline.Functions.Tests.Support;

/// <summary>Checks an invocation response is what the host can read: JSON with Outputs, Logs, ReturnValue.</summary>
public static class InvocationResponseAssert
{
    public static async Task<IReadOnlyList<string>> HasShapeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.GetProperty("Outputs").ValueKind);
        Assert.Empty(root.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ReturnValue").ValueKind);
        var logs = root.GetProperty("Logs").EnumerateArray().Select(log => log.GetString()!).ToList();
        Assert.NotEmpty(logs);
        return logs;
    }
}

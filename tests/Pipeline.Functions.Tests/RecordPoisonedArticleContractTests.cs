using System.Net;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>POST /RecordPoisonedArticle with the queue-trigger payload of a blob-trigger poison message.</summary>
public sealed class RecordPoisonedArticleContractTests : IDisposable
{
    private const string Message = """{"Type":"BlobTrigger","FunctionId":"Host.Functions.ProcessArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"2026/bad story.txt","ETag":"\"0x8DC0FFEE\""}""";
    private readonly HandlerAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordPoisonedArticle_PoisonMessage_StoresVisibleFailedArticle(bool doubleEncoded)
    {
        var data = doubleEncoded ? JsonSerializer.Serialize(JsonSerializer.Serialize(JsonDocument.Parse(Message).RootElement)) : Message;

        using var response = await PostAsync(Payload(data));

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var saved = Assert.Single(_factory.Repository.Saved.Values);
        Assert.Equal(ArticleId.For("articles", "2026/bad story.txt"), saved.Id);
        Assert.Equal(ArticleStatus.Failed, saved.Status);
        Assert.Equal("0x8DC0FFEE", saved.Blob.ETag);
        Assert.Contains("poison", saved.FailureReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecordPoisonedArticle_ArticleAlreadyStored_KeepsTheStoredResult()
    {
        var stored = ArticleRecord.Failed(new BlobReference("articles", "2026/bad story.txt", "0xNEWER", DateTimeOffset.UtcNow), "earlier", DateTimeOffset.UtcNow);
        _factory.Repository.Saved[stored.Id] = stored;

        using var response = await PostAsync(Payload(Message));

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        Assert.Equal("earlier", _factory.Repository.Saved[stored.Id].FailureReason);
    }

    [Fact]
    public async Task RecordPoisonedArticle_MessageWithoutBlob_Returns400()
    {
        using var response = await PostAsync("""{"Data":{"message":{"Type":"BlobTrigger"}},"Metadata":{}}""");

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(_factory.Repository.Saved);
    }

    private static string Payload(string message) => "{\"Data\":{\"message\":" + message + "},\"Metadata\":{}}";

    private async Task<HttpResponseMessage> PostAsync(string payload)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        return await client.PostAsync("/RecordPoisonedArticle", content);
    }
}

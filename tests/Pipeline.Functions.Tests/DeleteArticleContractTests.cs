using System.Net;
using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>POST /DeleteArticle with Event Grid trigger payloads carrying Microsoft.Storage events.</summary>
public sealed class DeleteArticleContractTests : IDisposable
{
    private readonly HandlerAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task DeleteArticle_BlobDeletedEvent_DeletesTheArticle(bool doubleEncoded, bool withUrl)
    {
        var builder = EventGridPayloadBuilder.BlobDeleted("articles", "2026/11/story one.json");
        builder = doubleEncoded ? builder.AsDoubleEncodedString() : builder;
        builder = withUrl ? builder : builder.WithoutUrl();

        using var response = await PostAsync(builder.Build());

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        Assert.Equal(ArticleId.For("articles", "2026/11/story one.json"), Assert.Single(_factory.Repository.Deleted));
        Assert.Contains(logs, log => log.Contains("articles/2026/11/story one.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteArticle_BlobCreatedEvent_IgnoredWith200()
    {
        var payload = EventGridPayloadBuilder.BlobDeleted("articles", "a.txt").WithEventType("Microsoft.Storage.BlobCreated").Build();

        using var response = await PostAsync(payload);

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        Assert.Empty(_factory.Repository.Deleted);
        Assert.Contains(logs, log => log.Contains("Ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteArticle_NoEvent_Returns400()
    {
        using var response = await PostAsync("""{"Data":{},"Metadata":{}}""");

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(_factory.Repository.Deleted);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        return await client.PostAsync("/DeleteArticle", content);
    }
}

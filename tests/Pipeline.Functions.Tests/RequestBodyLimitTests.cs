using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Functions.CustomHandler;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Against real Kestrel (not TestServer): the host's chunked invocation requests, and the per-endpoint body
/// limit that keeps oversize blobs visible as failed records.
/// </summary>
public sealed class RequestBodyLimitTests : IDisposable
{
    private const int MaxArticleBytes = 10_000;
    private readonly HandlerAppFactory _factory;
    private readonly HttpClient _client;

    public RequestBodyLimitTests()
    {
        _factory = new HandlerAppFactory().WithSetting("Processing:MaxArticleBytes", MaxArticleBytes.ToString());
        // Kestrel binds port 0 itself: UseKestrel(port) rewrites the server addresses after the app has started
        // binding, a race that fails at random (dotnet/aspnetcore#67714).
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public void Base64Length_FiveMegabytes_FitsUnderTheDefaultLimit()
    {
        var limit = RequestBodyLimit.ForArticles(5 * 1024 * 1024).MaxRequestBodySize;

        Assert.Equal(6_990_508, RequestBodyLimit.Base64Length(5 * 1024 * 1024));
        Assert.Equal(Convert.ToBase64String(new byte[10]).Length, RequestBodyLimit.Base64Length(10));
        Assert.True(limit > RequestBodyLimit.Base64Length(2 * 5 * 1024 * 1024), $"limit {limit}");
    }

    [Fact]
    public async Task ProcessArticle_ChunkedRequestOverKestrel_Processed()
    {
        var payload = Encoding.UTF8.GetBytes(HostPayloadBuilder.Blob().WithContent("chunked body text").Build());
        using var content = new ChunkedContent(payload);

        using var response = await _client.PostAsync("/ProcessArticle", content);

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Equal("chunked body text", Encoding.UTF8.GetString(raw.Content.Span));
    }

    [Fact]
    public async Task ProcessArticle_BlobOverArticleLimit_RecordedAsFailedTooLarge()
    {
        var payload = HostPayloadBuilder.Blob().WithName("big.txt").WithContent(new byte[MaxArticleBytes * 3 / 2]).Build();

        using var response = await _client.PostAsync("/ProcessArticle", Json(payload));

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var stored = _factory.Repository.Saved[ArticleId.For("articles", "big.txt")];
        Assert.Equal(ArticleStatus.Failed, stored.Status);
        Assert.Contains("limit", stored.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessArticle_PayloadOverBodyLimit_Returns413AndStoresNothing()
    {
        var size = RequestBodyLimit.ForArticles(MaxArticleBytes).MaxRequestBodySize!.Value;
        var payload = HostPayloadBuilder.Blob().WithName("huge.txt").WithContent(new byte[size]).Build();

        using var response = await _client.PostAsync("/ProcessArticle", new ChunkedContent(Encoding.UTF8.GetBytes(payload)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.Repository.Saved);
    }

    private static StringContent Json(string payload) => new(payload, Encoding.UTF8, "application/json");

    /// <summary>No Content-Length: HttpClient sends Transfer-Encoding: chunked, as the host does.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(4096, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            length = -1;
            return false;
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Core.Articles;
using Pipeline.Functions.Tests.Support;

namespace Pipeline.Functions.Tests;

/// <summary>POST /ProcessArticle with host-shaped blob-trigger payloads (spec sections 1.5 and 7).</summary>
public sealed class ProcessArticleContractTests : IDisposable
{
    // Verbatim from the payload captured from host 4.1037 (spec section 7), dataType binary: container "samples".
    private const string CapturedPayload = """
        {
          "Data": { "myBlob": "c2Vjb25kIGJsb2IgYm9keQ==" },
          "Metadata": {
            "Uri": "\"http://127.0.0.1:10000/devstoreaccount1/samples/dir/second.txt\"",
            "Properties": {
              "CacheControl": null, "ContentDisposition": null, "ContentEncoding": null, "ContentLanguage": null,
              "Length": 16, "ContentMD5": "HwuKfW+yyEVak6nLj7gORg==", "ContentType": "text/plain",
              "ETag": "\"0x21541083C0AEA00\"", "Created": "2026-11-22T15:43:22+00:00", "LastModified": "2026-11-22T15:43:22+00:00",
              "BlobType": 2, "LeaseStatus": 2, "LeaseState": 1, "LeaseDuration": 0, "PageBlobSequenceNumber": null,
              "AppendBlobCommittedBlockCount": null, "IsServerEncrypted": true, "IsIncrementalCopy": false,
              "StandardBlobTier": 1, "RehydrationStatus": null, "PremiumPageBlobTier": null, "BlobTierInferred": true,
              "BlobTierLastModifiedTime": "2026-11-22T15:43:22+00:00", "DeletedTime": null, "RemainingDaysBeforePermanentDelete": null
            },
            "Metadata": { "origin": "upload-test" },
            "name": "\"dir/second.txt\"",
            "sys": { "MethodName": "BlobFn", "UtcNow": "2026-11-22T15:43:24.3704483Z", "RandGuid": "36d1a564-0d91-4ecf-979a-14ccc851cd48" }
          }
        }
        """;

    private readonly HandlerAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ProcessArticle_CapturedHostPayload_ProcessorReceivesDecodedArticle()
    {
        using var response = await PostAsync(CapturedPayload.Replace("\"myBlob\"", "\"article\"", StringComparison.Ordinal));

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Equal(new BlobReference("samples", "dir/second.txt", "0x21541083C0AEA00", new DateTimeOffset(2026, 11, 22, 15, 43, 22, TimeSpan.Zero)), raw.Blob);
        Assert.Equal("second blob body", Encoding.UTF8.GetString(raw.Content.Span));
        Assert.Equal("text/plain", raw.ContentType);
        Assert.Equal("upload-test", raw.Metadata["origin"]);
        Assert.Equal("upload-test", raw.Metadata["ORIGIN"]);
        var stored = _factory.Repository.Saved[ArticleId.For("samples", "dir/second.txt")];
        Assert.Equal(ArticleStatus.Processed, stored.Status);
        Assert.Contains(logs, log => log.Contains(stored.Id, StringComparison.Ordinal) && log.Contains("stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_NameOnlyInUri_NameTakenFromPathAfterContainer()
    {
        var payload = HostPayloadBuilder.Blob()
            .WithName(null)
            .WithUri("https://pipelinestore.blob.core.windows.net/articles/2026/11/caf%C3%A9%20story.json")
            .WithContent("{\"title\":\"x\"}")
            .Build();

        using var response = await PostAsync(payload);

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Equal("articles", raw.Blob.Container);
        Assert.Equal("2026/11/café story.json", raw.Blob.Name);
        Assert.Equal("{\"title\":\"x\"}", Encoding.UTF8.GetString(raw.Content.Span));
    }

    [Fact]
    public async Task ProcessArticle_PlainStringMetadata_AcceptedLeniently()
    {
        var payload = HostPayloadBuilder.Blob().WithPlainStrings().WithName("dir/plain.txt").Build();

        using var response = await PostAsync(payload);

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Equal("dir/plain.txt", raw.Blob.Name);
        Assert.Equal("articles", raw.Blob.Container);
    }

    [Fact]
    public async Task ProcessArticle_NoBlobTriggerKeyAndNoUri_ContainerFromFunctionPath()
    {
        var payload = HostPayloadBuilder.Blob().WithUri(null).WithName("x/y.md").Build();
        Assert.DoesNotContain("BlobTrigger", payload, StringComparison.Ordinal);

        using var response = await PostAsync(payload);

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Equal(("articles", "x/y.md"), (raw.Blob.Container, raw.Blob.Name));
        Assert.Contains(logs, log => log.Contains("Metadata.Uri", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_NewShapePropertiesWithETagString_ReadsETagLengthTypeAndDate()
    {
        var content = Encoding.UTF8.GetBytes("<html><body><p>hello</p></body></html>");
        var payload = HostPayloadBuilder.Blob()
            .WithNewShapeProperties(content.Length, "\"0x8DCABCDEF012345\"", "text/html; charset=utf-8", "2026-11-20T08:30:00+00:00")
            .WithContent(content)
            .Build();

        using var response = await PostAsync(payload);

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Equal("0x8DCABCDEF012345", raw.Blob.ETag);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), raw.Blob.LastModified);
        Assert.Equal("text/html; charset=utf-8", raw.ContentType);
        Assert.Equal(content, raw.Content.ToArray());
        Assert.DoesNotContain(logs, log => log.Contains("bytes; the host delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_ETagSerialisedAsEmptyObject_UsesContentHash()
    {
        var payload = HostPayloadBuilder.Blob()
            .WithNewShapeProperties(16, new JsonObject(), "text/plain", "2026-11-20T08:30:00+00:00")
            .Build();

        using var first = await PostAsync(payload);
        using var replay = await PostAsync(payload);

        await InvocationResponseAssert.HasShapeAsync(first, HttpStatusCode.OK);
        var replayLogs = await InvocationResponseAssert.HasShapeAsync(replay, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.StartsWith("sha256-", raw.Blob.ETag, StringComparison.Ordinal);
        Assert.Contains(replayLogs, log => log.Contains("already stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_LengthDisagreesWithContent_ProcessesAndLogsIt()
    {
        var payload = HostPayloadBuilder.Blob().WithProperties(HostPayloadBuilder.LegacyProperties(999, "\"0x1\"", "text/plain", "2026-11-22T15:43:22+00:00")).Build();

        using var response = await PostAsync(payload);

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        Assert.Single(_factory.Parser.Received);
        Assert.Contains(logs, log => log.Contains("999 bytes; the host delivered 16", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_NoProperties_FallsBackAndStillProcesses()
    {
        var payload = HostPayloadBuilder.Blob().WithProperties(null).Build();

        using var response = await PostAsync(payload);

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var raw = Assert.Single(_factory.Parser.Received);
        Assert.Null(raw.ContentType);
        Assert.StartsWith("sha256-", raw.Blob.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessArticle_TransientAnalyzerError_Returns500WithErrorInLogsAndStoresNothing()
    {
        _factory.Analyzer.Throw = new HttpRequestException("Language endpoint returned 503 Service Unavailable");

        using var response = await PostAsync(HostPayloadBuilder.Blob().Build());

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains(logs, log => log.Contains("503 Service Unavailable", StringComparison.Ordinal) && log.Contains("retry", StringComparison.Ordinal));
        Assert.Empty(_factory.Repository.Saved);
    }

    [Fact]
    public async Task ProcessArticle_PermanentParseRejection_Returns200AndStoresFailedRecord()
    {
        _factory.Parser.RejectWith = "The file is a PNG image, not an article.";

        using var response = await PostAsync(HostPayloadBuilder.Blob().WithName("dir/picture.png").Build());

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var stored = _factory.Repository.Saved[ArticleId.For("articles", "dir/picture.png")];
        Assert.Equal(ArticleStatus.Failed, stored.Status);
        Assert.Equal("The file is a PNG image, not an article.", stored.FailureReason);
        Assert.Contains(logs, log => log.Contains("recorded as failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_ContentNotBase64_Returns200AndStoresFailedRecordWithoutParsing()
    {
        var payload = HostPayloadBuilder.Blob().WithName("dir/broken.txt").WithRawContent("this is !!! not base64").Build();

        using var response = await PostAsync(payload);

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        Assert.Empty(_factory.Parser.Received);
        var stored = _factory.Repository.Saved[ArticleId.For("articles", "dir/broken.txt")];
        Assert.Equal(ArticleStatus.Failed, stored.Status);
        Assert.Contains("base64", stored.FailureReason, StringComparison.Ordinal);
        Assert.Equal("0x21541083C0AEA00", stored.Blob.ETag);
    }

    [Fact]
    public async Task ProcessArticle_NoContent_Returns200AndStoresFailedRecord()
    {
        using var response = await PostAsync(HostPayloadBuilder.Blob().WithName("dir/empty-payload.txt").WithoutContent().Build());

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        var stored = _factory.Repository.Saved[ArticleId.For("articles", "dir/empty-payload.txt")];
        Assert.Equal(ArticleStatus.Failed, stored.Status);
        Assert.Contains("Data.article", stored.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessArticle_ContentUnderWrongBindingName_RecordsFailure()
    {
        using var response = await PostAsync(HostPayloadBuilder.Blob().WithBinding("myBlob").Build());

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.OK);
        Assert.Empty(_factory.Parser.Received);
        Assert.Equal(ArticleStatus.Failed, Assert.Single(_factory.Repository.Saved.Values).Status);
    }

    [Fact]
    public async Task ProcessArticle_NoBlobNameAnywhere_Returns400()
    {
        using var response = await PostAsync(HostPayloadBuilder.Blob().WithName(null).WithUri(null).WithoutContent().Build());

        var logs = await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(logs, log => log.Contains("names no blob", StringComparison.Ordinal));
        Assert.Empty(_factory.Repository.Saved);
    }

    [Fact]
    public async Task ProcessArticle_BodyNotJson_Returns400()
    {
        using var response = await PostAsync("<xml/>");

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ProcessArticle_SameVersionAlreadyStored_SkipsAnalysis()
    {
        using (var first = await PostAsync(HostPayloadBuilder.Blob().Build()))
        {
            await InvocationResponseAssert.HasShapeAsync(first, HttpStatusCode.OK);
        }

        _factory.Analyzer.Throw = new InvalidOperationException("must not be called for a stored version");
        using var replay = await PostAsync(HostPayloadBuilder.Blob().Build());

        var logs = await InvocationResponseAssert.HasShapeAsync(replay, HttpStatusCode.OK);
        Assert.Single(_factory.Parser.Received);
        Assert.Contains(logs, log => log.Contains("already stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_RemoteCaller_Returns403()
    {
        _factory.RemoteAddress = IPAddress.Parse("203.0.113.7");

        using var response = await PostAsync(HostPayloadBuilder.Blob().Build());

        await InvocationResponseAssert.HasShapeAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(_factory.Parser.Received);
    }

    [Fact]
    public async Task Root_BareGetLikeHostReadinessProbe_AnswersWithoutServerError()
    {
        // The host polls GET / until any HTTP answer arrives (404 would do); the app redirects to the dashboard.
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Clear();

        using var response = await client.GetAsync("/");

        Assert.InRange((int)response.StatusCode, 200, 399);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ProcessArticle") { Content = content };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1037.0.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1037.0.0");
        return await client.SendAsync(request);
    }
}

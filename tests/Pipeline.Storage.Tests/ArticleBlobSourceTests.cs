using System.Text;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArticleBlobSourceTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task UploadAsync(StorageHarness h, string name, string content, IDictionary<string, string>? metadata = null, string contentType = "text/plain")
    {
        await h.Tables.ArticlesContainer.GetBlobClient(name).UploadAsync(
            new BinaryData(Encoding.UTF8.GetBytes(content)),
            new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
    }

    [Fact]
    public async Task ListAsync_Blobs_ReturnsNamesUnquotedETagsAndLastModified()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var names = new[] { "a.txt", "dir/b#1.html", "q?x.md", "ünï/東京.json" };
        foreach (var n in names)
        {
            await UploadAsync(h, n, "content of " + n);
        }

        var listed = new List<Blobs.ArticleBlobItem>();
        await foreach (var item in h.BlobSource.ListAsync(Ct))
        {
            listed.Add(item);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), listed.Select(i => i.Name).Order(StringComparer.Ordinal));
        foreach (var item in listed)
        {
            var props = (await h.Tables.ArticlesContainer.GetBlobClient(item.Name).GetPropertiesAsync()).Value;
            Assert.Equal(props.ETag.ToString().Trim('"'), item.ETag);
            Assert.DoesNotContain("\"", item.ETag);
            Assert.Equal(props.LastModified, item.LastModified);
            Assert.Equal(Encoding.UTF8.GetByteCount("content of " + item.Name), item.Length);
        }
    }

    [Fact]
    public async Task ListAsync_MorePagesThanOne_ReturnsEveryBlobOnce()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var names = Enumerable.Range(0, 7).Select(i => $"page-test/{i:D2}.txt").ToArray();
        foreach (var n in names)
        {
            await UploadAsync(h, n, "content of " + n);
        }

        var listed = new List<string>();
        await foreach (var item in h.BlobSource.ListAsync(pageSize: 3, Ct))
        {
            listed.Add(item.Name);
        }

        Assert.Equal(names, listed);
    }

    [Fact]
    public async Task DownloadAsync_ExistingBlob_ReturnsContentTypeMetadataAndVersion()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        const string name = "news/2026/Ünïcode story #1.html";
        await UploadAsync(h, name, "<h1>Hello</h1>", new Dictionary<string, string> { ["source"] = "example.com", ["Published"] = "2026-11-20" }, "text/html; charset=utf-8");

        var raw = await h.BlobSource.DownloadAsync(name, Ct);

        Assert.NotNull(raw);
        Assert.Equal("<h1>Hello</h1>", Encoding.UTF8.GetString(raw.Content.Span));
        Assert.Equal(raw.Content.Length, raw.ContentLength);
        Assert.Equal("text/html; charset=utf-8", raw.ContentType);
        Assert.Equal("example.com", raw.Metadata["SOURCE"]);
        Assert.Equal("2026-11-20", raw.Metadata["published"]);
        var props = (await h.Tables.ArticlesContainer.GetBlobClient(name).GetPropertiesAsync()).Value;
        Assert.Equal(new BlobReference(h.Tables.ArticlesContainer.Name, name, props.ETag.ToString().Trim('"'), props.LastModified), raw.Blob);
    }

    [Fact]
    public async Task DownloadAsync_MissingBlob_ReturnsNull()
    {
        var h = await StorageHarness.CreateAsync(azurite);

        Assert.Null(await h.BlobSource.DownloadAsync("gone/never.txt", Ct));
    }

    [Fact]
    public async Task DownloadAsync_BlobAtLimit_IsDownloaded()
    {
        var h = await StorageHarness.CreateAsync(azurite, maxArticleBytes: 100);
        await UploadAsync(h, "exact.txt", new string('x', 100));

        var raw = await h.BlobSource.DownloadAsync("exact.txt", Ct);

        Assert.Equal(100, raw!.Content.Length);
        Assert.Equal(100, raw.ContentLength);
    }

    [Fact]
    public async Task DownloadAsync_OversizedBlob_ReturnsNoContentAndRealLength()
    {
        var h = await StorageHarness.CreateAsync(azurite, maxArticleBytes: 100);
        await UploadAsync(h, "big.txt", new string('x', 5000));

        var raw = await h.BlobSource.DownloadAsync("big.txt", Ct);

        Assert.NotNull(raw);
        Assert.True(raw.Content.IsEmpty);
        Assert.Equal(5000, raw.ContentLength);
    }

    [Fact]
    public async Task ProcessAsync_OversizedDownload_RecordsFailureWithRealSizeWithoutParsing()
    {
        var h = await StorageHarness.CreateAsync(azurite, maxArticleBytes: 100);
        await UploadAsync(h, "big.txt", new string('x', 5000));
        var raw = await h.BlobSource.DownloadAsync("big.txt", Ct);
        var processor = new ArticleProcessor(
            new ThrowingParser(), new ThrowingAnalyzer(), h.Store, new DuplicateStories(h.Store, h.Store, NullLogger<DuplicateStories>.Instance),
            Microsoft.Extensions.Options.Options.Create(new ProcessingOptions { MaxArticleBytes = 100 }),
            TimeProvider.System, NullLogger<ArticleProcessor>.Instance);

        var outcome = await processor.ProcessAsync(raw!, Ct);

        Assert.Equal(ProcessingResult.Failed, outcome.Result);
        Assert.Contains("5,000 bytes", outcome.FailureReason, StringComparison.Ordinal);
        var listed = await h.Store.ListArticlesAsync(new Core.Queries.ArticleQuery { Status = ArticleStatus.Failed }, Ct);
        Assert.Equal(outcome.FailureReason, Assert.Single(listed.Items).FailureReason);
    }

    private sealed class ThrowingParser : IArticleParser
    {
        public ParsedArticle Parse(RawArticle raw) => throw new InvalidOperationException("An oversized blob must not be parsed.");
    }

    private sealed class ThrowingAnalyzer : ITextAnalyzer
    {
        public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("An oversized blob must not be analyzed.");
    }
}

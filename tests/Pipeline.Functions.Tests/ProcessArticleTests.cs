using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Functions.Tests.Support;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The blob trigger's function, called with a BlobClient on a real Azurite blob as the worker binds it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProcessArticleTests(AzuriteFixture azurite)
{
    private readonly Processing _processing = new();
    private readonly string _container = AzuriteFixture.UniqueName("articles");

    [Fact]
    public async Task RunAsync_NewBlob_StoresArticleWithPropertiesAndMetadataReadThroughTheSdk()
    {
        var blob = await UploadAsync("2026/12/bridge.txt", "Mayor Ana Ruiz opened the bridge.", new Dictionary<string, string> { ["source"] = "example.com" });
        var properties = (await blob.GetPropertiesAsync()).Value;

        await Function().RunAsync(blob, Context());

        var raw = Assert.Single(_processing.Parser.Received);
        Assert.Equal(new BlobReference(_container, "2026/12/bridge.txt", properties.ETag.ToString().Trim('"'), properties.LastModified), raw.Blob);
        Assert.Equal("Mayor Ana Ruiz opened the bridge.", Encoding.UTF8.GetString(raw.Content.Span));
        Assert.Equal("text/plain; charset=utf-8", raw.ContentType);
        Assert.Equal("example.com", raw.Metadata["Source"]);
        Assert.Equal(ArticleStatus.Processed, _processing.Repository.Saved[raw.Blob.ArticleId].Status);
    }

    [Fact]
    public async Task RunAsync_AnalyzerUnavailable_ThrowsSoTheHostRetriesAndStoresNothing()
    {
        var blob = await UploadAsync("transient.txt", "Some text.");
        _processing.Analyzer.Throw = new HttpRequestException("Language endpoint unavailable");

        await Assert.ThrowsAsync<HttpRequestException>(() => Function().RunAsync(blob, Context()));

        Assert.Empty(_processing.Repository.Saved);
    }

    [Fact]
    public async Task RunAsync_PermanentlyUnreadable_StoresFailedRecordWithReason()
    {
        var blob = await UploadAsync("garbled.txt", "\u0001\u0002");
        _processing.Parser.RejectWith = "The article is binary, not text.";

        await Function().RunAsync(blob, Context());

        var record = Assert.Single(_processing.Repository.Saved.Values);
        Assert.Equal(ArticleStatus.Failed, record.Status);
        Assert.Equal("The article is binary, not text.", record.FailureReason);
    }

    [Fact]
    public async Task RunAsync_LargerThanTheLimit_FailedRecordWithoutDownloading()
    {
        _processing.Options.MaxArticleBytes = 8;
        var blob = await UploadAsync("big.txt", "Twelve bytes");

        await Function().RunAsync(blob, Context());

        var record = Assert.Single(_processing.Repository.Saved.Values);
        Assert.Equal(ArticleStatus.Failed, record.Status);
        Assert.Contains("12 bytes", record.FailureReason, StringComparison.Ordinal);
        Assert.Empty(_processing.Parser.Received);
    }

    [Fact]
    public async Task RunAsync_BlobDeletedBeforeTheTriggerRan_StoresNothing()
    {
        var blob = await UploadAsync("gone.txt", "Short-lived.");
        await blob.DeleteAsync();

        await Function().RunAsync(blob, Context());

        Assert.Empty(_processing.Repository.Saved);
    }

    private ProcessArticle Function()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        var storage = new StorageTables(
            new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString),
            service,
            Options.Create(new StorageOptions { ArticlesContainer = _container }));
        return new ProcessArticle(new ArticleBlobSource(storage, Options.Create(_processing.Options), TimeProvider.System), _processing.CreateProcessor());
    }

    private static TestFunctionContext Context() => new(nameof(ProcessArticle));

    private async Task<BlobClient> UploadAsync(string name, string content, IDictionary<string, string>? metadata = null)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
            Metadata = metadata,
        });
        return blob;
    }
}

using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing.Builders;

namespace Pipeline.Functions.Tests;

public sealed class RecordPoisonedArticleTests
{
    // The blob extension's poison-queue message (Microsoft.Azure.WebJobs.Extensions.Storage.Blobs BlobTriggerPostHandler).
    private const string Message = """
        {"Type":"BlobTrigger","FunctionId":"Host.Functions.ProcessArticle","BlobType":"BlockBlob","ContainerName":"articles","BlobName":"2026/12/story.txt","ETag":"\"0x8DE1A2B3C4D5E6F\""}
        """;

    private readonly Processing _processing = new();

    [Fact]
    public async Task RunAsync_PoisonMessage_StoresVisibleFailedRecord()
    {
        await Function().RunAsync(Parse(Message), new TestFunctionContext(nameof(RecordPoisonedArticle)));

        var record = _processing.Repository.Saved[ArticleId.For("articles", "2026/12/story.txt")];
        Assert.Equal(ArticleStatus.Failed, record.Status);
        Assert.Equal("0x8DE1A2B3C4D5E6F", record.Blob.ETag);
        Assert.Contains("poison", record.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NewerVersionAlreadyProcessed_LeftAlone()
    {
        var stored = new ArticleRecordBuilder().WithBlobName("2026/12/story.txt").WithVersion("0xNEWER", DateTimeOffset.UtcNow).Build();
        await _processing.Repository.SaveAsync(stored, default);

        await Function().RunAsync(Parse(Message), new TestFunctionContext(nameof(RecordPoisonedArticle)));

        Assert.Equal(ArticleStatus.Processed, _processing.Repository.Saved[stored.Id].Status);
    }

    private RecordPoisonedArticle Function() => new(_processing.CreateProcessor());

    // The worker deserializes queue messages into POCOs with System.Text.Json.
    private static PoisonedBlob Parse(string json) => JsonSerializer.Deserialize<PoisonedBlob>(json)!;
}

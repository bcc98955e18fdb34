using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Reliability.Tests.Support;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>Overwrites, replays and deletes: every blob name keeps exactly the record of its newest version.</summary>
public sealed class BlobLifecycleTests
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private static readonly byte[] Good = Encoding.UTF8.GetBytes("Harbor Vote\n\nMayor Lena Ortiz defended the harbor plan on Tuesday.");
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n");

    [Fact]
    public async Task ProcessAsync_GoodArticleOverwrittenByBinary_FailedRecordReplacesIt()
    {
        var pipeline = new ProcessingPipeline();
        var v1 = ProcessingPipeline.Raw("overwrite.txt", Good, null, NoMetadata, "0x1");
        var v2 = ProcessingPipeline.Raw("overwrite.txt", Pdf, null, NoMetadata, "0x2", ProcessingPipeline.UploadTime.AddMinutes(1));

        await pipeline.Processor.ProcessAsync(v1, CancellationToken.None);
        await pipeline.Processor.ProcessAsync(v2, CancellationToken.None);

        var record = Assert.Single(pipeline.Repository.Records.Values);
        Assert.Equal((ArticleStatus.Failed, "0x2"), (record.Status, record.Blob.ETag));
        Assert.Contains("PDF", record.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_OlderVersionReplayedAfterNewer_NewerKept()
    {
        var pipeline = new ProcessingPipeline();
        var v1 = ProcessingPipeline.Raw("replay.txt", Pdf, null, NoMetadata, "0x1");
        var v2 = ProcessingPipeline.Raw("replay.txt", Good, null, NoMetadata, "0x2", ProcessingPipeline.UploadTime.AddMinutes(1));

        await pipeline.Processor.ProcessAsync(v2, CancellationToken.None);
        var replay = await pipeline.Processor.ProcessAsync(v1, CancellationToken.None);

        Assert.Equal(ProcessingResult.AlreadyCurrent, replay.Result);
        var record = Assert.Single(pipeline.Repository.Records.Values);
        Assert.Equal((ArticleStatus.Processed, "0x2"), (record.Status, record.Blob.ETag));
    }

    [Fact]
    public async Task DeleteAsync_AfterFailedArticle_RecordGoneOthersKept()
    {
        var pipeline = new ProcessingPipeline();
        await pipeline.Processor.ProcessAsync(ProcessingPipeline.Raw("bad.pdf", Pdf, null, NoMetadata), CancellationToken.None);
        await pipeline.Processor.ProcessAsync(ProcessingPipeline.Raw("good.txt", Good, null, NoMetadata), CancellationToken.None);

        await pipeline.Processor.DeleteAsync("articles", "bad.pdf", CancellationToken.None);

        var record = Assert.Single(pipeline.Repository.Records.Values);
        Assert.Equal("good.txt", record.Blob.Name);
    }
}

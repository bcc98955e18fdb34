using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Articles;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing.Builders;

namespace Pipeline.Functions.Tests;

/// <summary>BlobDeleted events as Event Grid writes them to the deletions queue (Event Grid schema, one event per message).</summary>
public sealed class DeleteArticleTests
{
    private readonly Processing _processing = new();

    [Theory]
    [InlineData("https://pipelinestore.blob.core.windows.net/articles/2026/12/caf%C3%A9%20story.txt")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/articles/2026/12/caf%C3%A9%20story.txt")]
    public async Task RunAsync_BlobDeletedEvent_ResultsRemoved(string url)
    {
        var stored = new ArticleRecordBuilder().WithBlobName("2026/12/café story.txt").Build();
        await _processing.Repository.SaveAsync(stored, default);

        await Function().RunAsync(Event("Microsoft.Storage.BlobDeleted", url), Context());

        Assert.Equal([ArticleId.For("articles", "2026/12/café story.txt")], _processing.Repository.Deleted);
        Assert.Empty(_processing.Repository.Saved);
    }

    [Fact]
    public async Task RunAsync_BlobCreatedEvent_DeletesNothing()
    {
        await Function().RunAsync(Event("Microsoft.Storage.BlobCreated", "https://pipelinestore.blob.core.windows.net/articles/a.txt"), Context());

        Assert.Empty(_processing.Repository.Deleted);
    }

    [Fact]
    public async Task RunAsync_NotAnEvent_ThrowsSoTheMessageEndsInThePoisonQueue()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Function().RunAsync("""{"hello":"world"}""", Context()));

        Assert.Empty(_processing.Repository.Deleted);
    }

    private DeleteArticle Function() => new(_processing.CreateProcessor(), NullLogger<DeleteArticle>.Instance);

    private static TestFunctionContext Context() => new(nameof(DeleteArticle));

    private static string Event(string type, string url) => $$"""
        {
          "topic": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/pipelinestore",
          "subject": "/blobServices/default/containers/articles/blobs/2026/12/story.txt",
          "eventType": "{{type}}",
          "id": "{{Guid.NewGuid()}}",
          "data": {
            "api": "DeleteBlob",
            "requestId": "{{Guid.NewGuid()}}",
            "contentType": "text/plain",
            "blobType": "BlockBlob",
            "url": "{{url}}",
            "sequencer": "0000000000000000000000000000201B00000000004092a5",
            "storageDiagnostics": { "batchId": "{{Guid.NewGuid()}}" }
          },
          "dataVersion": "",
          "metadataVersion": "1",
          "eventTime": "2026-12-07T10:00:00.0000000Z"
        }
        """;
}

using System.Text;
using Pipeline.Storage.Blobs;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ArticleEventsTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static BinaryData Event(string type, string subject) =>
        BinaryData.FromString($$$"""{"id":"1","eventType":"{{{type}}}","subject":"{{{subject}}}","data":{}}""");

    [Theory]
    [InlineData("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/articles/blobs/2016/06/a b.html", ArticleEventKind.Created, "2016/06/a b.html")]
    [InlineData("Microsoft.Storage.BlobDeleted", "/blobServices/default/containers/articles/blobs/x.txt", ArticleEventKind.Deleted, "x.txt")]
    public void Parse_BlobEventForTheContainer_ReturnsKindAndName(string type, string subject, ArticleEventKind kind, string name)
    {
        Assert.Equal((kind, name), ArticleEvents.Parse(Event(type, subject), "articles"));
    }

    [Fact]
    public void Parse_Base64OrSingleElementArray_IsReadLikePlainJson()
    {
        var plain = Event("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/articles/blobs/x.txt");
        var base64 = BinaryData.FromString(Convert.ToBase64String(plain.ToArray()));
        var array = BinaryData.FromString("[" + plain + "]");

        Assert.Equal((ArticleEventKind.Created, "x.txt"), ArticleEvents.Parse(base64, "articles"));
        Assert.Equal((ArticleEventKind.Created, "x.txt"), ArticleEvents.Parse(array, "articles"));
    }

    [Theory]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/other/blobs/x.txt"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobTierChanged","subject":"/blobServices/default/containers/articles/blobs/x.txt"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/articles/blobs/"}""")]
    [InlineData("""{"eventType":42,"subject":"/blobServices/default/containers/articles/blobs/x.txt"}""")]
    [InlineData("""{"subject":"/blobServices/default/containers/articles/blobs/x.txt"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{not json""")]
    [InlineData("""not base64 !!""")]
    [InlineData("")]
    public void Parse_AnythingElse_ReturnsNull(string body)
    {
        Assert.Null(ArticleEvents.Parse(BinaryData.FromBytes(Encoding.UTF8.GetBytes(body)), "articles"));
    }

    [Fact]
    public async Task NotifyCreatedAsync_ThenReceive_ReturnsTheEventUntilCompleted()
    {
        var h = await StorageHarness.CreateAsync(azurite);

        await h.Events.NotifyCreatedAsync("dir/ünï 文#1.txt", Ct);
        await h.Events.NotifyDeletedAsync("gone.txt", Ct);
        var received = await h.Events.ReceiveAsync(32, Ct);

        Assert.Equal([(ArticleEventKind.Created, "dir/ünï 文#1.txt"), (ArticleEventKind.Deleted, "gone.txt")], received.Select(e => (e.Kind, e.BlobName)));
        foreach (var e in received)
        {
            await h.Events.CompleteAsync(e, Ct);
        }

        var queue = StorageServiceCollectionExtensions.CreateEventsQueueClient(h.Options)!;
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task ReceiveAsync_ForeignOrMalformedMessages_RemovesThemAndReturnsOnlyArticleEvents()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var queue = StorageServiceCollectionExtensions.CreateEventsQueueClient(h.Options)!;
        await queue.SendMessageAsync("hello");
        await queue.SendMessageAsync(Event("Microsoft.Storage.BlobCreated", "/blobServices/default/containers/elsewhere/blobs/x.txt"));
        await h.Events.NotifyCreatedAsync("kept.txt", Ct);

        var received = await h.Events.ReceiveAsync(32, Ct);

        Assert.Equal(["kept.txt"], received.Select(e => e.BlobName));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}

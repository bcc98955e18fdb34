using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

/// <summary>The Core processor over the real store: the blob source feeds it, the store dedupes and replaces versions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProcessorIntegrationTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ProcessAsync_SameVersionTwiceThenNewVersionThenDelete_StoresOnceReplacesAndRemoves()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var processor = new ArticleProcessor(new FirstLineParser(), new NamesAnalyzer(), h.Store, new DuplicateStories(h.Store, h.Store, NullLogger<DuplicateStories>.Instance),
            Microsoft.Extensions.Options.Options.Create(new ProcessingOptions()), TimeProvider.System, NullLogger<ArticleProcessor>.Instance);
        var blob = h.Tables.ArticlesContainer.GetBlobClient("desk/übung #1.txt");

        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("Alice Adams visits Ohio\nAlice Adams spoke.")));
        var first = await processor.ProcessAsync((await h.BlobSource.DownloadAsync(blob.Name, Ct))!, Ct);
        var replay = await processor.ProcessAsync((await h.BlobSource.DownloadAsync(blob.Name, Ct))!, Ct);
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("Bob Brown visits Ohio\nBob Brown spoke.")), overwrite: true);
        var second = await processor.ProcessAsync((await h.BlobSource.DownloadAsync(blob.Name, Ct))!, Ct);

        Assert.Equal((ProcessingResult.Stored, ProcessingResult.AlreadyCurrent, ProcessingResult.Stored), (first.Result, replay.Result, second.Result));
        Assert.Null(await h.Store.GetEntityAsync("person-alice-adams", Ct));
        Assert.Equal(1, (await h.Store.GetEntityAsync("person-bob-brown", Ct))!.ArticleCount);
        Assert.Equal("Bob Brown visits Ohio", (await h.Store.GetArticleAsync(first.ArticleId, Ct))!.Title);

        await processor.DeleteAsync(h.Tables.ArticlesContainer.Name, blob.Name, Ct);

        Assert.Null(await h.Store.GetArticleAsync(first.ArticleId, Ct));
        Assert.Empty(await h.Store.ListEntitiesAsync(new EntityQuery(), Ct));
    }

    private sealed class FirstLineParser : IArticleParser
    {
        public ParsedArticle Parse(RawArticle raw)
        {
            var lines = Encoding.UTF8.GetString(raw.Content.Span).Split('\n');
            return new ParsedArticle { Title = lines[0], Body = string.Join("\n", lines.Skip(1)), Format = "txt", Source = "desk" };
        }
    }

    // Every capitalized two-word name in the text is a Person mention.
    private sealed class NamesAnalyzer : ITextAnalyzer
    {
        public Task<TextAnalysis> AnalyzeAsync(AnalysisRequest request, CancellationToken cancellationToken)
        {
            var entities = new[] { "Alice Adams", "Bob Brown" }
                .Select(name => (name, count: request.Text.Split(name).Length - 1))
                .Where(x => x.count > 0)
                .Select(x => new EntityResult(x.name, "Person", null, SentimentResult.From(SentimentScores.NeutralOnly),
                    [.. Enumerable.Range(0, x.count).Select(_ => new EntityMention(0, x.name.Length, x.name, 1, null))]))
                .ToList();
            return Task.FromResult(new TextAnalysis
            {
                Analyzer = "names/1",
                Language = new DetectedLanguage("English", "en", 1),
                IsScored = true,
                Sentiment = SentimentResult.From(SentimentScores.NeutralOnly),
                Entities = entities,
            });
        }
    }
}

using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>Articles over the document limit: chunked, analyzed per chunk, rolled up with article offsets.</summary>
public sealed class AzureLanguageRollUpTests : IAsyncLifetime
{
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task AnalyzeAsync_ArticleOver5120Chars_EveryDocumentWithinLimitAndOffsetsMapToArticle()
    {
        var article = new ArticleBuilder()
            .Sentence("Bernie Sanders praised the plan.")
            .FillTo(6_000)
            .Sentence("Later, Sanders attacked the proposal in Iowa.")
            .FillTo(11_000)
            .Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        var documents = _stub.Requests.OfKind("SentimentAnalysis").SelectMany(r => r.Documents).ToList();
        Assert.Equal(3, documents.Count);
        Assert.All(documents, d => Assert.InRange(d.Text.Length, 1, 5120));
        Assert.Equal(article, string.Concat(documents.Select(d => d.Text)));
        foreach (var mention in result.Entities.SelectMany(e => e.Mentions))
        {
            Assert.Equal(mention.Text, article.Substring(mention.Offset, mention.Length));
        }

        var iowa = Assert.Single(result.Entities, e => e.Name == "Iowa");
        Assert.Equal(article.IndexOf("Iowa", StringComparison.Ordinal), Assert.Single(iowa.Mentions).Offset);
        Assert.True(iowa.Mentions[0].Offset > 5120);
    }

    [Fact]
    public async Task AnalyzeAsync_ChunkedArticle_SentencesCoverTheArticleInOrder()
    {
        var article = new ArticleBuilder().Sentence("Good news arrived.").FillTo(1_000).Sentence("Then a terrible crisis began.").Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxDocumentLength = 300);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        Assert.Equal(0, result.Sentences[0].Offset);
        for (var i = 1; i < result.Sentences.Count; i++)
        {
            Assert.Equal(result.Sentences[i - 1].Offset + result.Sentences[i - 1].Length, result.Sentences[i].Offset);
        }

        Assert.Equal(article.Length, result.Sentences[^1].Offset + result.Sentences[^1].Length);
        Assert.Equal(Sentiment.Positive, result.Sentences[0].Sentiment.Label);
        Assert.Equal(Sentiment.Negative, result.Sentences[^1].Sentiment.Label);
        Assert.Equal(Sentiment.Mixed, result.Sentiment!.Label); // positive chunk + negative chunk
    }

    [Fact]
    public async Task AnalyzeAsync_EmojiBeforeEntityInLaterChunk_OffsetsAreUtf16IntoTheArticle()
    {
        var article = new ArticleBuilder()
            .FillTo(250)
            .Sentence("\U0001F469\U0001F3FB\u200D\U0001F469\U0001F3FD\u200D\U0001F467\U0001F3FE\u200D\U0001F466\U0001F3FF \U0001F600 Crowds cheered Bernie Sanders in Vermont.")
            .Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxDocumentLength = 200);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        Assert.True(_stub.Requests.OfKind("EntityRecognition").Sum(r => r.Documents.Count) > 1);
        var sanders = Assert.Single(result.Entities, e => e.Name == "Bernie Sanders");
        Assert.Equal(article.IndexOf("Bernie Sanders", StringComparison.Ordinal), Assert.Single(sanders.Mentions).Offset);
        var vermont = Assert.Single(result.Entities, e => e.Name == "Vermont");
        Assert.Equal("Vermont", article.Substring(vermont.Mentions[0].Offset, vermont.Mentions[0].Length));
    }

    [Fact]
    public async Task AnalyzeAsync_SameEntityInSeveralChunks_IsOneEntityWithAllMentions()
    {
        var article = new ArticleBuilder()
            .Sentence("Bernie Sanders spoke first.")
            .FillTo(400)
            .Sentence("Sanders spoke again.")
            .FillTo(800)
            .Sentence("Reporters followed Bernie Sanders home.")
            .Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxDocumentLength = 300);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        var sanders = Assert.Single(result.Entities, e => e.Category == "Person" && e.Name == "Bernie Sanders");
        Assert.Equal(["Bernie Sanders", "Sanders", "Bernie Sanders"], sanders.Mentions.Select(m => m.Text));
        Assert.DoesNotContain(result.Entities, e => e.Name == "Sanders");
        Assert.Equal("person-bernie-sanders", sanders.Id);
    }

    [Fact]
    public async Task AnalyzeAsync_ChunkedArticle_KeyPhrasesMergedWithDescendingScoresInUnitInterval()
    {
        var article = new ArticleBuilder().Sentence("Bernie Sanders discussed healthcare.").FillTo(900).Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxDocumentLength = 300);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        Assert.NotEmpty(result.KeyPhrases);
        Assert.All(result.KeyPhrases, p => Assert.InRange(p.Score, double.Epsilon, 1.0));
        Assert.Equal(result.KeyPhrases.Select(p => p.Score).OrderDescending(), result.KeyPhrases.Select(p => p.Score));
        Assert.Equal(result.KeyPhrases.Count, result.KeyPhrases.Select(p => p.Text.ToUpperInvariant()).Distinct().Count());
    }
}

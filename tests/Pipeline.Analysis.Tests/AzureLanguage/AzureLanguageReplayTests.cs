using Azure;
using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>Replays the project's own documented-shape responses (Fixtures/) through the stub and checks the mapping.</summary>
public sealed class AzureLanguageReplayTests : IAsyncLifetime
{
    public const string Text = "Ana López praised the new park in Madrid. Critics \U0001F600 said López failed the city.";
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await AzureLanguageStub.StartAsync();
        _stub.Replay("SentimentAnalysis", 200, Fixture("sentiment-opinion-mining"));
        _stub.Replay("EntityRecognition", 200, Fixture("entity-recognition"));
        _stub.Replay("KeyPhraseExtraction", 200, Fixture("key-phrases"));
        _stub.Replay("LanguageDetection", 200, Fixture("language-detection"));
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task AnalyzeAsync_ReplayedResponses_MapLanguageSentimentAndSentences()
    {
        var result = await AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest(Text), CancellationToken.None);

        Assert.Equal(new DetectedLanguage("English", "en", 0.99), result.Language);
        Assert.True(result.IsScored);
        Assert.Equal(Sentiment.Mixed, result.Sentiment!.Label);
        Assert.Equal(0.48, result.Sentiment.Scores.Positive, 6);
        Assert.Equal([(0, 42, Sentiment.Positive), (42, 38, Sentiment.Negative)], result.Sentences.Select(s => (s.Offset, s.Length, s.Sentiment.Label)));
    }

    [Fact]
    public async Task AnalyzeAsync_ReplayedResponses_GroupMentionsAndMapOpinionsByUtf16Offsets()
    {
        var result = await AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest(Text), CancellationToken.None);

        Assert.Equal(["Ana López", "Madrid", "Critics"], result.Entities.Select(e => e.Name));
        var lopez = result.Entities[0];
        Assert.Equal(EntityId.For("Person", "Ana López"), lopez.Id);
        Assert.Equal([(0, "Ana López", Sentiment.Positive), (58, "López", Sentiment.Negative)], lopez.Mentions.Select(m => (m.Offset, m.Text, m.Sentiment!.Label)));
        Assert.Equal(0.96, lopez.Mentions[1].Sentiment!.Scores.Negative, 6); // the target's own scores, not the sentence's
        Assert.Equal(Sentiment.Mixed, lopez.Sentiment!.Label);
        var madrid = result.Entities[1];
        Assert.Equal(("Location", "GPE"), (madrid.Category, madrid.Subcategory));
        Assert.Equal(result.Sentences[0].Sentiment, madrid.Mentions[0].Sentiment); // no target: its sentence
        Assert.Equal(result.Sentences[1].Sentiment, result.Entities[2].Sentiment);
    }

    [Fact]
    public async Task AnalyzeAsync_ReplayedKeyPhrases_RankBecomesDescendingScore()
    {
        var result = await AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest(Text), CancellationToken.None);

        Assert.Equal(["new park", "city", "Critics"], result.KeyPhrases.Select(p => p.Text));
        Assert.Equal([1.0, 2.0 / 3, 1.0 / 3], result.KeyPhrases.Select(p => p.Score));
    }

    [Fact]
    public async Task AnalyzeAsync_ReplayedDocumentError_IsAnalysisRejectedWithTheServiceMessage()
    {
        _stub.Replay("SentimentAnalysis", 200, Fixture("document-error"));

        var error = await Assert.ThrowsAsync<AnalysisRejectedException>(
            () => AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest(Text), CancellationToken.None));

        Assert.Contains("Limit document size to: 5120 text elements.", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidDocument", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_Replayed400TooManyDocuments_RequestFailedNotRetried()
    {
        _stub.Replay("EntityRecognition", 400, Fixture("too-many-documents-400"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest(Text), CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Equal("InvalidRequest", error.ErrorCode);
        Assert.Single(_stub.Requests.OfKind("EntityRecognition"));
    }

    [Fact]
    public async Task AnalyzeAsync_ReplayedOffsetsOutsideTheDocument_AreAProtocolFault()
    {
        _stub.Replay("EntityRecognition", 200, Fixture("entity-recognition").Replace("\"offset\": 58", "\"offset\": 500", StringComparison.Ordinal));

        await Assert.ThrowsAsync<Pipeline.Analysis.AzureLanguage.AzureLanguageProtocolException>(
            () => AzureLanguageHarness.Analyzer(_stub, o => o.MaxRetries = 0).AnalyzeAsync(new AnalysisRequest(Text), CancellationToken.None));
    }

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AzureLanguage", "Fixtures", name + ".json"));
}

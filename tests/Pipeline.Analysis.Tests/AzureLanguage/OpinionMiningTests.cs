using Pipeline.Analysis.AzureLanguage;
using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

public sealed class OpinionMiningTests : IAsyncLifetime
{
    private static readonly SentimentResult Positive = new(Sentiment.Positive, new SentimentScores(0.9, 0, 0.1));
    private static readonly SentimentResult Negative = new(Sentiment.Negative, new SentimentScores(0.1, 0, 0.9));
    private static readonly SentimentResult NeutralSentence = new(Sentiment.Neutral, new SentimentScores(0.1, 0.8, 0.1));
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public void ForMention_OverlappingTarget_TakesTheTargetSentiment()
    {
        var mapper = new EntitySentimentMapper([new OpinionTarget(10, 7, Positive)], [new SentenceResult(0, 50, NeutralSentence)]);

        Assert.Equal(Positive, mapper.ForMention(3, 14)); // [3,17) overlaps [10,17)
    }

    [Fact]
    public void ForMention_NoTarget_FallsBackToTheContainingSentence()
    {
        var negativeSentence = new SentimentResult(Sentiment.Negative, new SentimentScores(0, 0.2, 0.8));
        var mapper = new EntitySentimentMapper(
            [new OpinionTarget(10, 7, Positive)],
            [new SentenceResult(0, 50, NeutralSentence), new SentenceResult(50, 40, negativeSentence)]);

        Assert.Equal(negativeSentence, mapper.ForMention(60, 5));
        Assert.Equal(NeutralSentence, mapper.ForMention(20, 5)); // same sentence as the target, but not targeted
    }

    [Fact]
    public void ForMention_PositiveAndNegativeTargets_IsMixedWithMeanScores()
    {
        var mapper = new EntitySentimentMapper([new OpinionTarget(0, 5, Positive), new OpinionTarget(3, 5, Negative)], []);

        var result = mapper.ForMention(0, 8)!;

        Assert.Equal(Sentiment.Mixed, result.Label);
        Assert.Equal(0.5, result.Scores.Positive, 6);
    }

    [Fact]
    public void ForMention_OutsideAnySentenceAndTarget_IsNull()
    {
        Assert.Null(new EntitySentimentMapper([], [new SentenceResult(0, 10, NeutralSentence)]).ForMention(20, 3));
    }

    [Fact]
    public async Task AnalyzeAsync_OneSentenceTwoTargets_EachEntityGetsItsOwnOpinion()
    {
        // One praise word and one attack word: the sentence is neutral, but the opinions point at different people.
        const string text = "Voters love Bernie Sanders but attacked Hillary Clinton yesterday.";
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

        Assert.Equal(Sentiment.Neutral, Assert.Single(result.Sentences).Sentiment.Label);
        Assert.Equal(Sentiment.Positive, result.Entities.Single(e => e.Name == "Bernie Sanders").Sentiment!.Label);
        Assert.Equal(Sentiment.Negative, result.Entities.Single(e => e.Name == "Hillary Clinton").Sentiment!.Label);
    }

    [Fact]
    public async Task AnalyzeAsync_MentionWithoutTarget_TakesItsSentenceSentimentAndEntityAveragesMentions()
    {
        // Mention 1: no opinion, neutral sentence. Mention 2: praised (target). Mention 3: the storm is the target,
        // not Sanders, so the mention takes its (negative) sentence's sentiment.
        const string text = "Bernie Sanders gave a speech. Sanders praised the great turnout. The terrible storm hit Iowa hard, said Sanders.";
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

        var sanders = result.Entities.Single(e => e.Name == "Bernie Sanders");
        Assert.Equal([Sentiment.Neutral, Sentiment.Positive, Sentiment.Negative], sanders.Mentions.Select(m => m.Sentiment!.Label));
        Assert.Equal(result.Sentences[2].Sentiment, sanders.Mentions[2].Sentiment);
        Assert.Equal(Sentiment.Mixed, sanders.Sentiment!.Label);
    }

    [Fact]
    public async Task AnalyzeAsync_DateTimeAndQuantity_CarryNoSentiment()
    {
        const string text = "Bernie Sanders won 42 delegates on Tuesday, a great result.";
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

        var quantity = result.Entities.Single(e => e.Category == "Quantity");
        var date = result.Entities.Single(e => e.Category == "DateTime");
        Assert.Null(quantity.Sentiment);
        Assert.Null(date.Sentiment);
        Assert.All(quantity.Mentions.Concat(date.Mentions), m => Assert.Null(m.Sentiment));
        Assert.NotNull(result.Entities.Single(e => e.Category == "Person").Sentiment);
    }
}

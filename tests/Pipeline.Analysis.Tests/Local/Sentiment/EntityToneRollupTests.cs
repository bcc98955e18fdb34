using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

public sealed class EntityToneRollupTests
{
    [Fact]
    public void Roll_NearBalance_IsNeutralNotACoinToss()
    {
        var (sentiment, _) = EntityToneRollup.Roll([Mention(0.42, 0.20, 0.38, sentence: 5), Mention(0.40, 0.22, 0.38, sentence: 7)], 10);

        Assert.True(sentiment.Scores.Positive > sentiment.Scores.Neutral);
        Assert.Equal(Core.Analysis.Sentiment.Neutral, sentiment.Label);
    }

    [Fact]
    public void Roll_HeadlineMention_OutweighsOneLaterInTheArticle()
    {
        var (sentiment, _) = EntityToneRollup.Roll([Mention(0.7, 0.2, 0.1, sentence: 0), Mention(0.1, 0.2, 0.7, sentence: 9)], 12);

        Assert.Equal(Core.Analysis.Sentiment.Positive, sentiment.Label);
        Assert.True(sentiment.Scores.Positive > 0.45);
    }

    [Fact]
    public void Roll_SubjectOfItsSentence_OutweighsAnAside()
    {
        var (sentiment, _) = EntityToneRollup.Roll([Mention(0.1, 0.2, 0.7, sentence: 8, opens: true), Mention(0.7, 0.2, 0.1, sentence: 9)], 12);

        Assert.Equal(Core.Analysis.Sentiment.Negative, sentiment.Label);
    }

    [Fact]
    public void Roll_Evidence_CountsMentionsAndDistinctSentences()
    {
        var (_, evidence) = EntityToneRollup.Roll([Mention(0.1, 0.2, 0.7, sentence: 4), Mention(0.1, 0.3, 0.6, sentence: 4), Mention(0.2, 0.2, 0.6, sentence: 6)], 10);

        Assert.Equal(new ToneEvidence(3, 2, evidence.Confidence), evidence);
        Assert.InRange(evidence.Confidence, 0.3, 0.67);
    }

    [Fact]
    public void Roll_MoreSentences_RaiseConfidence()
    {
        var one = EntityToneRollup.Roll([Mention(0.1, 0.2, 0.7, sentence: 4)], 10).Evidence.Confidence;
        var three = EntityToneRollup.Roll([Mention(0.1, 0.2, 0.7, sentence: 4), Mention(0.1, 0.2, 0.7, sentence: 5), Mention(0.1, 0.2, 0.7, sentence: 6)], 10).Evidence.Confidence;

        Assert.True(three > one, $"{three} <= {one}");
    }

    private static EntityToneRollup.Mention Mention(double pos, double neu, double neg, int sentence, bool opens = false) =>
        new(new SentimentScores(pos, neu, neg), sentence, opens);
}

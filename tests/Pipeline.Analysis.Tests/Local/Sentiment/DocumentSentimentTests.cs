using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Core.Analysis;
using SentimentLabel = Pipeline.Core.Analysis.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

public sealed class DocumentSentimentTests
{
    private static readonly SentimentAnalyzer Analyzer = SentimentAnalyzer.CreateDefault();
    private static readonly SentimentScores StrongPositive = new(0.85, 0.1, 0.05);
    private static readonly SentimentScores StrongNegative = new(0.05, 0.1, 0.85);
    private static readonly SentimentScores Neutral = new(0.1, 0.8, 0.1);
    private static readonly SentimentScores MildPositive = new(0.45, 0.4, 0.15);

    [Fact]
    public void ScoreDocument_NoSentences_IsNeutral() =>
        Assert.Equal(SentimentLabel.Neutral, Analyzer.ScoreDocument([]).Label);

    [Fact]
    public void ScoreDocument_StrongPositiveAndStrongNegative_IsMixed() =>
        Assert.Equal(SentimentLabel.Mixed, Analyzer.ScoreDocument([Neutral, StrongPositive, Neutral, StrongNegative]).Label);

    [Fact]
    public void ScoreDocument_MildPositiveAndStrongNegative_IsNotMixed() =>
        Assert.NotEqual(SentimentLabel.Mixed, Analyzer.ScoreDocument([MildPositive, StrongNegative]).Label);

    [Fact]
    public void ScoreDocument_MostlyNeutralWithOneStrongPositive_LeansPositive()
    {
        var result = Analyzer.ScoreDocument([Neutral, Neutral, StrongPositive]);

        Assert.True(result.Scores.Positive > result.Scores.Negative);
        Assert.Equal(1.0, result.Scores.Positive + result.Scores.Neutral + result.Scores.Negative, 6);
    }

    [Fact]
    public void ScoreDocument_IntenseSentences_WeighMoreThanNeutralOnes()
    {
        var result = Analyzer.ScoreDocument([Neutral, StrongNegative]);
        var plainMean = (Neutral.Negative + StrongNegative.Negative) / 2;

        Assert.True(result.Scores.Negative > plainMean);
        Assert.Equal(result.Scores.Label, result.Label);
    }
}

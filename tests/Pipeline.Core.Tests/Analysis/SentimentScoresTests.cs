using Pipeline.Core.Analysis;

namespace Pipeline.Core.Tests.Analysis;

public sealed class SentimentScoresTests
{
    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(0.2, 0.2, 0.2)]
    [InlineData(0, 0, 5)]
    public void Constructor_AnyNonNegativeInput_NormalizesToSumOne(double positive, double neutral, double negative)
    {
        var scores = new SentimentScores(positive, neutral, negative);

        Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 10);
    }

    [Fact]
    public void Constructor_AllZero_IsNeutral()
    {
        var scores = new SentimentScores(0, 0, 0);

        Assert.Equal(1.0, scores.Neutral);
        Assert.Equal(Sentiment.Neutral, scores.Label);
    }

    [Theory]
    [InlineData(-0.1, 0.5, 0.5)]
    [InlineData(double.NaN, 0.5, 0.5)]
    [InlineData(double.PositiveInfinity, 0, 0)]
    public void Constructor_NegativeOrNonFinite_Throws(double positive, double neutral, double negative) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentimentScores(positive, neutral, negative));

    [Theory]
    [InlineData(0.6, 0.3, 0.1, Sentiment.Positive)]
    [InlineData(0.1, 0.3, 0.6, Sentiment.Negative)]
    [InlineData(0.3, 0.4, 0.3, Sentiment.Neutral)]
    [InlineData(0.45, 0.1, 0.45, Sentiment.Neutral)]
    public void Label_HighestScore_WinsWithTiesNeutral(double positive, double neutral, double negative, Sentiment expected) =>
        Assert.Equal(expected, new SentimentScores(positive, neutral, negative).Label);

    [Fact]
    public void Polarity_IsPositiveMinusNegative() =>
        Assert.Equal(0.5, new SentimentScores(0.6, 0.3, 0.1).Polarity, 10);
}

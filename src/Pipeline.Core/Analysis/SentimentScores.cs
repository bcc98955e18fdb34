using System.Text.Json.Serialization;

namespace Pipeline.Core.Analysis;

/// <summary>Confidence that a span is positive, neutral or negative. The three always sum to 1.</summary>
public readonly record struct SentimentScores
{
    [JsonConstructor]
    public SentimentScores(double positive, double neutral, double negative)
    {
        if (!(positive >= 0 && neutral >= 0 && negative >= 0) || double.IsInfinity(positive + neutral + negative))
        {
            throw new ArgumentOutOfRangeException(nameof(positive), "Sentiment scores must be finite and non-negative.");
        }

        var sum = positive + neutral + negative;
        if (sum <= 0)
        {
            (positive, neutral, negative, sum) = (0, 1, 0, 1);
        }

        Positive = positive / sum;
        Neutral = neutral / sum;
        Negative = negative / sum;
    }

    public double Positive { get; }
    public double Neutral { get; }
    public double Negative { get; }

    /// <summary>Positive minus negative, in [-1, 1]: the number dashboards average and chart.</summary>
    [JsonIgnore]
    public double Polarity => Positive - Negative;

    public static SentimentScores NeutralOnly { get; } = new(0, 1, 0);

    /// <summary>The label with the highest confidence; ties go to neutral.</summary>
    [JsonIgnore]
    public Sentiment Label =>
        Positive > Neutral && Positive > Negative ? Sentiment.Positive
        : Negative > Neutral && Negative > Positive ? Sentiment.Negative
        : Sentiment.Neutral;
}

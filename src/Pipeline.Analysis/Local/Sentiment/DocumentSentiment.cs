using Pipeline.Core.Analysis;
using SentimentLabel = Pipeline.Core.Analysis.Sentiment;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Document sentiment from sentence scores: an intensity-weighted mean (opinionated sentences count more than
/// neutral reporting), labelled Mixed when clearly positive and clearly negative sentences both occur, as Azure does.
/// </summary>
internal static class DocumentSentiment
{
    /// <summary>A sentence counts as clearly positive/negative from this confidence.</summary>
    public const double StrongConfidence = 0.6;

    public static SentimentResult Aggregate(IReadOnlyList<SentimentScores> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return SentimentResult.From(SentimentScores.NeutralOnly);
        }

        double positive = 0, neutral = 0, negative = 0, total = 0;
        var strongPositive = false;
        var strongNegative = false;
        foreach (var s in sentences)
        {
            var weight = 0.25 + Math.Max(s.Positive, s.Negative);
            positive += weight * s.Positive;
            neutral += weight * s.Neutral;
            negative += weight * s.Negative;
            total += weight;
            strongPositive |= s.Label == SentimentLabel.Positive && s.Positive >= StrongConfidence;
            strongNegative |= s.Label == SentimentLabel.Negative && s.Negative >= StrongConfidence;
        }

        var scores = new SentimentScores(positive / total, neutral / total, negative / total);
        return strongPositive && strongNegative
            ? new SentimentResult(SentimentLabel.Mixed, scores)
            : SentimentResult.From(scores);
    }
}

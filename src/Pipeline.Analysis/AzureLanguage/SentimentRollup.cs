using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>Converts service labels and scores, and combines several sentiments into one.</summary>
internal static class SentimentRollup
{
    public static Sentiment? ParseLabel(string? label) => label?.ToUpperInvariant() switch
    {
        "POSITIVE" => Sentiment.Positive,
        "NEGATIVE" => Sentiment.Negative,
        "NEUTRAL" => Sentiment.Neutral,
        "MIXED" => Sentiment.Mixed,
        _ => null,
    };

    /// <summary>The service's label with its (renormalized) scores; the scores' own label when the service's is unknown.</summary>
    public static SentimentResult From(string? label, Wire.ConfidenceScores? scores)
    {
        var s = scores is null
            ? SentimentScores.NeutralOnly
            : new SentimentScores(Math.Max(0, scores.Positive), Math.Max(0, scores.Neutral), Math.Max(0, scores.Negative));
        return new SentimentResult(ParseLabel(label) ?? s.Label, s);
    }

    /// <summary>
    /// Weighted mean of the scores. Label: the common label when all agree; Mixed when positive and negative
    /// (or mixed) ones are combined, as Azure labels a document with both; otherwise the mean's label.
    /// </summary>
    public static SentimentResult? Combine(IReadOnlyList<(SentimentResult Sentiment, double Weight)> parts)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0].Sentiment;
        }

        double p = 0, u = 0, n = 0, w = 0;
        foreach (var (s, weight) in parts)
        {
            p += s.Scores.Positive * weight;
            u += s.Scores.Neutral * weight;
            n += s.Scores.Negative * weight;
            w += weight;
        }

        var scores = w > 0 ? new SentimentScores(p / w, u / w, n / w) : SentimentScores.NeutralOnly;
        var labels = parts.Select(x => x.Sentiment.Label).Distinct().ToList();
        var label = labels.Count == 1 ? labels[0]
            : labels.Contains(Sentiment.Mixed) || (labels.Contains(Sentiment.Positive) && labels.Contains(Sentiment.Negative)) ? Sentiment.Mixed
            : scores.Label;
        return new SentimentResult(label, scores);
    }
}

using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>
/// Whole-sentence polarity on a NewsMTSC dev file: Pearson r against each sentence's mean target label, the proxy
/// of `train-sentiment --cv-sentence` on sentences no model was trained on.
/// </summary>
internal static class SentenceProxyEvaluation
{
    public static double Pearson(IReadOnlyList<SentimentExample> rows, SentimentAnalyzer analyzer)
    {
        var polarity = new List<double>();
        var gold = new List<double>();
        foreach (var g in rows.GroupBy(e => e.Text, StringComparer.Ordinal))
        {
            polarity.Add(analyzer.ScoreSentence(g.Key, 0, g.Key.Length).Polarity);
            gold.Add(g.Average(e => e.Label - 1.0));
        }

        return ClassificationMetrics.Pearson(polarity, gold);
    }
}

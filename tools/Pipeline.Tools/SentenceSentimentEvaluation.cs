using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Core.Analysis;

namespace Pipeline.Tools;

/// <summary>Sentence sentiment against human ratings: Pearson r of polarity vs scoreNorm, macro-F1 and accuracy.</summary>
internal static class SentenceSentimentEvaluation
{
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) =>
        Evaluate(SentimentData.Read(file), SentimentAnalyzer.CreateDefault());

    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(IReadOnlyList<SentimentExample> rows, SentimentAnalyzer analyzer)
    {
        var polarity = new List<double>(rows.Count);
        var gold = new List<int>(rows.Count);
        var predicted = new List<int>(rows.Count);
        foreach (var row in rows)
        {
            var scores = analyzer.ScoreSentence(row.Text, 0, row.Text.Length);
            polarity.Add(scores.Polarity);
            gold.Add(row.Label);
            predicted.Add(Index(scores.Label));
        }

        return
        [
            new("pearson", ClassificationMetrics.Fixed3(ClassificationMetrics.Pearson(polarity, rows.Select(r => r.Score).ToList()))),
            new("macroF1", ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(gold, predicted))),
            new("accuracy", ClassificationMetrics.Percent(ClassificationMetrics.Accuracy(gold, predicted))),
        ];
    }

    public static int Index(Sentiment label) => label switch
    {
        Sentiment.Negative => 0,
        Sentiment.Positive => 2,
        _ => 1,
    };
}

using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>Sentiment toward a target span (NewsMTSC format): macro-F1 and accuracy over 3 classes.</summary>
internal static class TargetedSentimentEvaluation
{
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) =>
        Evaluate(SentimentData.Read(file), SentimentAnalyzer.CreateDefault());

    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(IReadOnlyList<SentimentExample> rows, SentimentAnalyzer analyzer)
    {
        var gold = new List<int>(rows.Count);
        var predicted = new List<int>(rows.Count);
        foreach (var row in rows)
        {
            var scores = analyzer.ScoreTarget(row.Text, 0, row.Text.Length, row.TargetStart, row.TargetEnd - row.TargetStart);
            gold.Add(row.Label);
            predicted.Add(SentenceSentimentEvaluation.Index(scores.Label));
        }

        return
        [
            new("macroF1", ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(gold, predicted))),
            new("accuracy", ClassificationMetrics.Percent(ClassificationMetrics.Accuracy(gold, predicted))),
        ];
    }
}

using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Tools;

/// <summary>Sentiment toward a target span (NewsMTSC format): macro-F1 and accuracy over 3 classes.</summary>
internal static class TargetedSentimentEvaluation
{
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) =>
        Evaluate(SentimentData.Read(file), SentimentAnalyzer.CreateDefault());

    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(IReadOnlyList<SentimentExample> rows, SentimentAnalyzer analyzer)
    {
        var scores = Score(rows, analyzer);
        var gold = rows.Select(r => r.Label).ToList();
        var predicted = scores.Select(s => SentenceSentimentEvaluation.Index(s.Label)).ToList();
        if (Environment.GetEnvironmentVariable("PIPELINE_TONE_SWEEP") is { Length: > 0 })
        {
            Sweep(scores, gold);
        }

        return
        [
            new("macroF1", ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(gold, predicted))),
            new("accuracy", ClassificationMetrics.Percent(ClassificationMetrics.Accuracy(gold, predicted))),
            new("predicted_neg/neu/pos", Shares(predicted)),
            new("gold_neg/neu/pos", Shares(gold)),
        ];
    }

    /// <summary>Label shares in percent, negative/neutral/positive: a biased decision shows here before it shows in F1.</summary>
    private static string Shares(IReadOnlyList<int> labels) =>
        string.Join('/', Enumerable.Range(0, 3).Select(c => (100.0 * labels.Count(l => l == c) / Math.Max(1, labels.Count)).ToString("0", System.Globalization.CultureInfo.InvariantCulture)));

    // PIPELINE_TONE_SWEEP=1: macro-F1 and label shares when a label needs its polarity margin to clear a threshold (else neutral).
    private static void Sweep(SentimentScores[] scores, List<int> gold)
    {
        foreach (var bias in new[] { -0.1, -0.05, 0.0, 0.05, 0.1 })
        {
            foreach (var t in new[] { 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3 })
            {
                var p = scores.Select(s => ToneLabel(s, t, bias)).ToList();
                Console.WriteLine($"  sweep bias={bias:0.00} threshold={t:0.00} macroF1={ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(gold, p))} shares={Shares(p)}");
            }
        }
    }

    private static int ToneLabel(SentimentScores s, double threshold, double bias)
    {
        var polarity = s.Polarity + bias;
        return polarity >= threshold && s.Positive + bias >= s.Neutral - threshold ? 2
            : polarity <= -threshold && s.Negative - bias >= s.Neutral - threshold ? 0
            : 1;
    }

    /// <summary>
    /// Scores every row as the analyzer scores a sentence's entity mentions: one <see cref="SentimentAnalyzer.ScoreTargets"/>
    /// call per sentence with all its distinct target spans (rows of one sentence share its text), so anything that
    /// depends on the sentence's other targets is measured as LocalTextAnalyzer runs it.
    /// </summary>
    public static SentimentScores[] Score(IReadOnlyList<SentimentExample> rows, SentimentAnalyzer analyzer)
    {
        var scores = new SentimentScores[rows.Count];
        foreach (var sentence in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Text, StringComparer.Ordinal))
        {
            var spans = sentence.Select(i => Span(rows[i])).Distinct().ToArray();
            var into = new SentimentScores[spans.Length];
            analyzer.ScoreTargets(sentence.Key, 0, sentence.Key.Length, spans, into);
            foreach (var i in sentence)
            {
                scores[i] = into[Array.IndexOf(spans, Span(rows[i]))];
            }
        }

        return scores;
    }

    /// <summary>Number of distinct target spans in each row's sentence (what <see cref="SentimentAnalyzer.ScoreTargets"/> receives).</summary>
    public static int[] TargetsInSentence(IReadOnlyList<SentimentExample> rows)
    {
        var counts = rows.GroupBy(r => r.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(Span).Distinct().Count(), StringComparer.Ordinal);
        return rows.Select(r => counts[r.Text]).ToArray();
    }

    private static TextSpan Span(SentimentExample row) => new(row.TargetStart, row.TargetEnd - row.TargetStart);
}

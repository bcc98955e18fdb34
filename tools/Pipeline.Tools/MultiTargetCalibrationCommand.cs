using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>
/// train-sentiment --calibrate [--cv K]: chooses and validates a class-prior shift of the shipped target model for
/// targets in sentences with two or more targets (what <see cref="SentimentAnalyzer.ScoreTargets"/> would know at run time). Dev-based: mt_dev split in two halves by sentence (hash of the text), the bias fitted on one half and measured
/// on the other, both ways; rw_dev measured with the bias on. Train-only (--cv K): the bias fitted on cross-validated
/// predictions of the training split's multi-target sentences, and a prior ratio from training labels; dev data only
/// measures them.
/// </summary>
internal static class MultiTargetCalibrationCommand
{
    public static int Run(List<SentimentExample> train, string data, NewsValenceAdapter adapter, LogisticRegressionTrainer trainer, int cvFolds)
    {
        var analyzer = SentimentAnalyzer.CreateDefault();
        var mt = Scored(analyzer, SentimentData.Read(Path.Combine(data, "eval", "newsmtsc", "mt_dev.jsonl")), out var mtTexts);
        var rw = Scored(analyzer, SentimentData.Read(Path.Combine(data, "eval", "newsmtsc", "rw_dev.jsonl")), out _);
        Console.WriteLine($"shipped model: mt {F(mt, ClassBias.None)} rw {F(rw, ClassBias.None)}; multi-target rows: mt {mt.Count(r => r.MultiTarget)}/{mt.Count}, rw {rw.Count(r => r.MultiTarget)}/{rw.Count}");
        Console.WriteLine($"mt_dev gold {Classes(mt)}, predicted {Predicted(mt)}");

        // Halves by sentence: a salted hash of the text, so both targets of a sentence fall in the same half.
        var half = mtTexts.Select(t => (int)(TextHash.Of("half|" + t) & 1)).ToArray();
        var a = mt.Where((_, i) => half[i] == 0).ToList();
        var b = mt.Where((_, i) => half[i] == 1).ToList();
        Console.WriteLine($"mt_dev halves: A {a.Count} targets ({Classes(a)}), B {b.Count} targets ({Classes(b)})");
        foreach (var (name, fit) in new (string, Func<IReadOnlyList<ScoredTarget>, ClassBias>)[] { ("likelihood", MultiTargetBiasFit.Likelihood), ("macroF1-grid", MultiTargetBiasFit.MacroF1Grid) })
        {
            var onA = fit(a);
            var onB = fit(b);
            Console.WriteLine($"[{name}] fit on A {Format(onA)}: held-out B {F(b, ClassBias.None)} -> {F(b, onA)}, rw {F(rw, onA)}");
            Console.WriteLine($"[{name}] fit on B {Format(onB)}: held-out A {F(a, ClassBias.None)} -> {F(a, onB)}, rw {F(rw, onB)}");
            var all = fit(mt);
            Console.WriteLine($"[{name}] fit on all mt_dev {Format(all)}: mt {F(mt, ClassBias.None)} -> {F(mt, all)} (in-sample), rw {F(rw, ClassBias.None)} -> {F(rw, all)}");
        }

        if (cvFolds > 1)
        {
            var cv = SentimentTraining.CrossValidatedTargets(train, adapter, trainer, cvFolds);
            var multi = cv.Where(r => r.MultiTarget).ToList();
            Console.WriteLine($"train cv{cvFolds}: {cv.Count} targets, multi-target {multi.Count} (gold {Classes(multi)}, predicted {Predicted(multi)}); macroF1 all {F(cv, ClassBias.None)}, multi-target {F(multi, ClassBias.None)}");
            var candidates = new (string, ClassBias)[]
            {
                ("train-cv likelihood", MultiTargetBiasFit.Likelihood(multi)),
                ("train-cv macroF1-grid", MultiTargetBiasFit.MacroF1Grid(multi)),
                ("train prior ratio single/multi", MultiTargetBiasFit.PriorRatio(cv.Select(r => (r.Label, r.MultiTarget)).ToList())),
            };
            foreach (var (name, bias) in candidates)
            {
                Console.WriteLine($"[{name}] {Format(bias)}: train-cv multi {F(multi, ClassBias.None)} -> {F(multi, bias)}; mt {F(mt, ClassBias.None)} -> {F(mt, bias)} (A {F(a, bias)}, B {F(b, bias)}); rw {F(rw, ClassBias.None)} -> {F(rw, bias)}");
            }
        }

        return 0;
    }

    /// <summary>Uncalibrated log-probabilities of each row, scored a sentence at a time as the analyzer scores mentions.</summary>
    private static List<ScoredTarget> Scored(SentimentAnalyzer analyzer, List<SentimentExample> rows, out string[] texts)
    {
        var scores = TargetedSentimentEvaluation.Score(rows, analyzer);
        var targets = TargetedSentimentEvaluation.TargetsInSentence(rows);
        texts = rows.Select(r => r.Text).ToArray();
        return rows.Select((r, i) => new ScoredTarget(
            [Log(scores[i].Negative), Log(scores[i].Neutral), Log(scores[i].Positive)], r.Label, targets[i])).ToList();
    }

    private static float Log(double p) => (float)Math.Log(Math.Max(p, 1e-30));

    private static string F(IReadOnlyList<ScoredTarget> rows, ClassBias bias) =>
        ClassificationMetrics.Percent(MultiTargetBiasFit.MacroF1(rows, bias));

    private static string Classes(IReadOnlyList<ScoredTarget> rows) =>
        string.Join('/', Enumerable.Range(0, 3).Select(c => (100.0 * rows.Count(r => r.Label == c) / rows.Count).ToString("0", CultureInfo.InvariantCulture) + "%")) + " neg/neu/pos";

    private static string Predicted(IReadOnlyList<ScoredTarget> rows) =>
        string.Join('/', Enumerable.Range(0, 3).Select(c => (100.0 * rows.Count(r => r.Predict(ClassBias.None) == c) / rows.Count).ToString("0", CultureInfo.InvariantCulture) + "%")) + " neg/neu/pos";

    private static string Format(ClassBias b) =>
        string.Create(CultureInfo.InvariantCulture, $"(neg {b.Negative:+0.00;-0.00;0}, neu {b.Neutral:+0.00;-0.00;0}, pos {b.Positive:+0.00;-0.00;0})");
}

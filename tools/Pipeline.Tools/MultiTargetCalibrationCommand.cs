using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;

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
        var rw = Scored(analyzer, SentimentData.Read(Path.Combine(data, "eval", "newsmtsc", "rw_dev.jsonl")), out var rwTexts);
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
            Contrast(cv, train.Select(r => r.Text).ToArray(), mt, mtTexts, half, rw, rwTexts);
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

    /// <summary>
    /// Experiment: in a sentence with several targets, move each target's logits away from (alpha &gt; 0) or toward
    /// (alpha &lt; 0) the mean logits of the sentence's targets, a one-number calibration of how much the targets differ.
    /// alpha chosen on train CV (macro-F1 of multi-target rows), and separately on each mt_dev half.
    /// </summary>
    private static void Contrast(List<ScoredTarget> cv, string[] cvTexts, List<ScoredTarget> mt, string[] mtTexts, int[] half, List<ScoredTarget> rw, string[] rwTexts)
    {
        static List<ScoredTarget> Apply(IReadOnlyList<ScoredTarget> rows, string[] texts, float alpha)
        {
            var result = rows.ToList();
            foreach (var g in Enumerable.Range(0, rows.Count).Where(i => rows[i].MultiTarget).GroupBy(i => texts[i], StringComparer.Ordinal))
            {
                var mean = new float[3];
                var n = g.Count();
                foreach (var i in g)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        mean[c] += rows[i].Logits[c] / n;
                    }
                }

                foreach (var i in g)
                {
                    var l = rows[i].Logits;
                    result[i] = rows[i] with { Logits = [l[0] + (alpha * (l[0] - mean[0])), l[1] + (alpha * (l[1] - mean[1])), l[2] + (alpha * (l[2] - mean[2]))] };
                }
            }

            return result;
        }

        static float Best(IReadOnlyList<ScoredTarget> rows, string[] texts)
        {
            var multi = Enumerable.Range(0, rows.Count).Where(i => rows[i].MultiTarget).ToArray();
            var sub = multi.Select(i => rows[i]).ToList();
            var subTexts = multi.Select(i => texts[i]).ToArray();
            float best = 0;
            var bestF1 = MultiTargetBiasFit.MacroF1(sub, ClassBias.None);
            for (var k = -10; k <= 20; k++)
            {
                var f1 = MultiTargetBiasFit.MacroF1(Apply(sub, subTexts, k * 0.1f), ClassBias.None);
                if (f1 > bestF1 + 1e-12)
                {
                    (best, bestF1) = (k * 0.1f, f1);
                }
            }

            return best;
        }

        string M(IReadOnlyList<ScoredTarget> rows, string[] texts, float alpha) => F(Apply(rows, texts, alpha), ClassBias.None);
        var a = Enumerable.Range(0, mt.Count).Where(i => half[i] == 0).ToArray();
        var b = Enumerable.Range(0, mt.Count).Where(i => half[i] == 1).ToArray();
        var (aRows, aTexts) = (a.Select(i => mt[i]).ToList(), a.Select(i => mtTexts[i]).ToArray());
        var (bRows, bTexts) = (b.Select(i => mt[i]).ToList(), b.Select(i => mtTexts[i]).ToArray());
        var onTrain = Best(cv, cvTexts);
        var cvMulti = Enumerable.Range(0, cv.Count).Where(i => cv[i].MultiTarget).ToArray();
        var (cvRows, cvMultiTexts) = (cvMulti.Select(i => cv[i]).ToList(), cvMulti.Select(i => cvTexts[i]).ToArray());
        Console.WriteLine($"[contrast, train-cv] alpha {onTrain:0.0}: train-cv multi {M(cvRows, cvMultiTexts, 0)} -> {M(cvRows, cvMultiTexts, onTrain)}; mt {M(mt, mtTexts, 0)} -> {M(mt, mtTexts, onTrain)} (A {M(aRows, aTexts, onTrain)}, B {M(bRows, bTexts, onTrain)}); rw {M(rw, rwTexts, onTrain)}");
        var onA = Best(aRows, aTexts);
        var onB = Best(bRows, bTexts);
        Console.WriteLine($"[contrast] fit on A alpha {onA:0.0}: held-out B {M(bRows, bTexts, 0)} -> {M(bRows, bTexts, onA)}; fit on B alpha {onB:0.0}: held-out A {M(aRows, aTexts, 0)} -> {M(aRows, aTexts, onB)}");
        Console.WriteLine("[contrast] mt by alpha: " + string.Join(' ', Enumerable.Range(-5, 16).Select(k => $"{k * 0.1f:0.0}:{M(mt, mtTexts, k * 0.1f)}")));
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

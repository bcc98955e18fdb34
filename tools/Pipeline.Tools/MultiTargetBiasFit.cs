namespace Pipeline.Tools;

/// <summary>A target's uncalibrated logits or log-probabilities (negative, neutral, positive), its gold class and the number of targets in its sentence.</summary>
internal sealed record ScoredTarget(float[] Logits, int Label, int Targets)
{
    public bool MultiTarget => Targets >= 2;

    /// <summary>The predicted class after adding the bias (only in multi-target sentences, as the analyzer does).</summary>
    public int Predict(ClassBias bias)
    {
        Span<float> l = [Logits[0], Logits[1], Logits[2]];
        if (MultiTarget)
        {
            bias.AddTo(l);
        }

        // Same tie rule as SentimentScores.Label: ties go to neutral.
        return l[2] > l[1] && l[2] > l[0] ? 2 : l[0] > l[1] && l[0] > l[2] ? 0 : 1;
    }
}

/// <summary>Fits the multi-target class-prior shift: by likelihood, or by a grid search on macro-F1.</summary>
internal static class MultiTargetBiasFit
{
    /// <summary>
    /// Maximum-likelihood bias over the multi-target rows (convex; plain gradient descent from zero, deterministic).
    /// The neutral offset is fixed at 0: only differences between the offsets change the softmax.
    /// </summary>
    public static ClassBias Likelihood(IReadOnlyList<ScoredTarget> rows)
    {
        var multi = rows.Where(r => r.MultiTarget).ToList();
        double bNeg = 0, bPos = 0;
        Span<double> p = stackalloc double[3];
        for (var step = 0; step < 3000; step++)
        {
            double gNeg = 0, gPos = 0;
            foreach (var r in multi)
            {
                var l = r.Logits;
                var a = l[0] + bNeg;
                var b = (double)l[1];
                var c = l[2] + bPos;
                var max = Math.Max(a, Math.Max(b, c));
                p[0] = Math.Exp(a - max);
                p[1] = Math.Exp(b - max);
                p[2] = Math.Exp(c - max);
                var sum = p[0] + p[1] + p[2];
                gNeg += (p[0] / sum) - (r.Label == 0 ? 1 : 0);
                gPos += (p[2] / sum) - (r.Label == 2 ? 1 : 0);
            }

            bNeg -= 2.0 * gNeg / multi.Count;
            bPos -= 2.0 * gPos / multi.Count;
        }

        return new ClassBias((float)Math.Round(bNeg, 2), 0, (float)Math.Round(bPos, 2));
    }

    /// <summary>
    /// The bias (neutral 0, negative and positive in [-2, 2] by 0.05) with the best macro-F1 over all the rows; among
    /// equals, the smallest shift.
    /// </summary>
    public static ClassBias MacroF1Grid(IReadOnlyList<ScoredTarget> rows)
    {
        var best = ClassBias.None;
        var bestF1 = MacroF1(rows, best);
        for (var i = -40; i <= 40; i++)
        {
            for (var j = -40; j <= 40; j++)
            {
                var bias = new ClassBias(i * 0.05f, 0, j * 0.05f);
                var f1 = MacroF1(rows, bias);
                if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && Size(bias) < Size(best)))
                {
                    best = bias;
                    bestF1 = f1;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Prior-ratio shift from training labels alone: log(P_single(c) / P_multi(c)), i.e. assume sentences with several
    /// targets follow the class distribution of single-target sentences.
    /// </summary>
    public static ClassBias PriorRatio(IReadOnlyList<(int Label, bool Multi)> train)
    {
        double Share(int c, bool multi) => train.Count(t => t.Label == c && t.Multi == multi) / (double)train.Count(t => t.Multi == multi);
        var b = Enumerable.Range(0, 3).Select(c => Math.Log(Share(c, false) / Share(c, true))).ToArray();
        return new ClassBias((float)Math.Round(b[0] - b[1], 2), 0, (float)Math.Round(b[2] - b[1], 2));
    }

    public static double MacroF1(IReadOnlyList<ScoredTarget> rows, ClassBias bias) =>
        ClassificationMetrics.MacroF1(rows.Select(r => r.Label).ToList(), rows.Select(r => r.Predict(bias)).ToList());

    private static float Size(ClassBias b) => Math.Abs(b.Negative) + Math.Abs(b.Positive);
}

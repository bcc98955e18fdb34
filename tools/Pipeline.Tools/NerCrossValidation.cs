using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// K-fold cross-validation of <c>train-ner</c>: fold f of each core file is the f-th contiguous block of its sentences
/// (neighbouring sentences share a document, so blocks leak less than striding). A single-seed model is trained on the
/// other folds (core files with their repeats) plus every extra sentence, and scored on fold f of all core files.
/// </summary>
internal static class NerCrossValidation
{
    public static void Run(
        IReadOnlyList<(NerTrainingSource Source, List<LabelledSentence> Sentences)> core,
        IReadOnlyList<LabelledSentence> extra,
        int k,
        NerTrainingSettings settings)
    {
        var perSource = core.Select(_ => new NerScore()).ToArray();
        var micro = new double[k];
        var org = new double[k];
        for (var f = 0; f < k; f++)
        {
            var train = new List<LabelledSentence>();
            var tests = core.Select(_ => new List<LabelledSentence>()).ToArray();
            for (var c = 0; c < core.Count; c++)
            {
                var (source, sentences) = core[c];
                for (var i = 0; i < sentences.Count; i++)
                {
                    if (FoldOf(i, sentences.Count, k) == f)
                    {
                        tests[c].Add(sentences[i]);
                        continue;
                    }

                    for (var t = 0; t < source.Times; t++)
                    {
                        train.Add(sentences[i]);
                    }
                }
            }

            train.AddRange(extra);
            var tagger = NerEvaluation.Configure(new NerTagger(settings.Train(train, ensemble: 1), settings.Features));
            var fold = new NerScore();
            for (var c = 0; c < core.Count; c++)
            {
                var score = NerScore.Run(tagger, tests[c]);
                perSource[c].Add(score);
                fold.Add(score);
            }

            micro[f] = fold.Micro(0, 1, 2).F1;
            org[f] = fold.Micro(2).F1;
            Console.WriteLine($"cv fold {f + 1}/{k} ({train.Count} train, {tests.Sum(t => t.Count)} test sentences): {NerTraining.Summary(fold)}");
        }

        for (var c = 0; c < core.Count; c++)
        {
            Console.WriteLine($"cv {core[c].Source.File} (all folds): {NerTraining.Summary(perSource[c])}");
        }

        Console.WriteLine($"cv mean of {k} folds (seed {settings.Seed}): microF1={Mean(micro)} ORG_F1={Mean(org)}");
    }

    /// <summary>The fold (0..k-1) of sentence <paramref name="index"/> of <paramref name="count"/>: k contiguous, near-equal blocks.</summary>
    public static int FoldOf(int index, int count, int k) => (int)((long)index * k / count);

    private static string Mean(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{mean:0.0} (sd {sd:0.0})");
    }
}

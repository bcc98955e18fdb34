using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Core.Analysis;
using static Pipeline.Tools.CommandOptions;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Tools.TargetNet;

/// <summary>
/// target-net-cv [--folds K] [network options]: K-fold cross-validation (folds by sentence, valences re-learned per
/// fold) of the linear target model, the target networks alone, and their blend at several weights.
/// </summary>
internal static class TargetNetExperiment
{
    public static int Run(IReadOnlyList<string> args)
    {
        var data = Option(args, "--data") ?? Path.Combine("..", "shared", "data");
        var resources = Path.Combine("src", "Pipeline.Analysis", "Local", "Sentiment", "Resources");
        var folds = int.Parse(Option(args, "--folds") ?? "5", CultureInfo.InvariantCulture);
        var settings = TargetNetSettings.FromOptions(args);

        var train = SentimentData.Read(Path.Combine(data, "train", "newsmtsc", "train.jsonl"));
        if (SentimentTraining.LoadWordClasses(args, resources) is not { } classes)
        {
            Console.Error.WriteLine("target-net-cv needs the word classes (word-classes.bin; see build-word-classes).");
            return 1;
        }

        SentimentFeaturizer.WordClasses = classes;
        var adapter = new NewsValenceAdapter();
        var trainer = SentimentTraining.TargetTrainer(args);
        var linear = SentimentTraining.CrossValidatedTargets(train, adapter, trainer, folds);
        Console.WriteLine($"linear cv{folds}: {Describe(train, linear.Select(t => Softmax(t.Logits)).ToList())}");

        var net = new float[train.Count][];
        for (var k = 0; k < folds; k++)
        {
            var fold = k;
            bool InFold(int i) => (int)(TextHash.Of(train[i].Text) % (ulong)folds) == fold;
            var rest = Enumerable.Range(0, train.Count).Where(i => !InFold(i)).ToList();
            var lexicon = VaderLexicon.LoadBase(adapter.Learn(rest.Select(i => train[i]).ToList()));
            var encoded = TargetNetExamples.Encode(train, lexicon, classes);
            var ensemble = TargetNetTrainer.TrainEnsemble(rest.Select(i => encoded[i]).ToList(), settings);
            foreach (var i in Enumerable.Range(0, train.Count).Where(InFold))
            {
                net[i] = Predict(ensemble, encoded[i]);
            }
        }

        Console.WriteLine($"networks cv{folds}: {Describe(train, net)}");
        foreach (var w in new[] { 0.3f, 0.4f, 0.5f, 0.6f, 0.7f })
        {
            Console.WriteLine($"blend weight {w.ToString(CultureInfo.InvariantCulture)} cv{folds}: {Describe(train, train.Select((_, i) => Blend(Softmax(linear[i].Logits), net[i], w)).ToList())}");
        }

        return 0;
    }

    private static float[] Predict(TargetNetEnsemble ensemble, TargetNetExample e)
    {
        var p = new float[LinearModel.Classes];
        ensemble.PredictByMember(e.Input, e.From, e.To, p);
        return p;
    }

    private static float[] Blend(float[] linear, float[] net, float w) =>
        [.. Enumerable.Range(0, LinearModel.Classes).Select(c => ((1 - w) * linear[c]) + (w * net[c]))];

    private static float[] Softmax(float[] logits)
    {
        var p = new float[LinearModel.Classes];
        LinearModel.Softmax(logits, p);
        return p;
    }

    private static string Describe(List<SentimentExample> rows, IReadOnlyList<float[]> probabilities)
    {
        // Labelled as the analyzer labels a target's scores (SentimentScores.Label, ties to neutral).
        var gold = rows.Select(r => r.Label).ToList();
        var predicted = probabilities.Select(p => SentenceSentimentEvaluation.Index(new SentimentScores(p[2], p[1], p[0]).Label)).ToList();
        var multi = Enumerable.Range(0, rows.Count).Where(i => rows[i].MultiTarget).ToList();
        return $"macroF1={ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(gold, predicted))} " +
               $"multi-target macroF1={ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(multi.Select(i => gold[i]).ToList(), multi.Select(i => predicted[i]).ToList()))}";
    }
}

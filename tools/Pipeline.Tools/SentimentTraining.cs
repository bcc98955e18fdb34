using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Tools.TargetNet;
using static Pipeline.Tools.CommandOptions;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Tools;

/// <summary>
/// train-sentiment [--data DIR] [--out DIR] [--epochs N] [--bits B] [--lr X] [--l2 X] [--seed N] [--weight W] [--dev]
/// [--sentence-adapt X --sentence-adapt-scale X] [--induced FILE|none] [--induced-weight W] [--cv K] [--cv-sentence K]
/// Trains the sentence and target models on DIR/train/newsmtsc/train.jsonl (default ../shared/data) and writes
/// sentence-model.bin and target-model.bin into the analyzer's resources. --dev prints dev-set metrics of the
/// freshly trained models (for choosing hyper-parameters; dev data is never trained on).
/// </summary>
internal static class SentimentTraining
{
    public static int Run(IReadOnlyList<string> args)
    {
        var root = RepositoryRoot();
        var data = Option(args, "--data") ?? Path.Combine(root, "..", "shared", "data");
        var output = Option(args, "--out") ?? Path.Combine(root, "src", "Pipeline.Analysis", "Local", "Sentiment", "Resources");
        var trainer = TargetTrainer(args);
        var sentenceTrainer = trainer with
        {
            Epochs = int.Parse(Option(args, "--sentence-epochs") ?? trainer.Epochs.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            L2 = float.Parse(Option(args, "--sentence-l2") ?? trainer.L2.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            BalanceClasses = (Option(args, "--sentence-balance") ?? "true") == "true",
            LearningRate = float.Parse(Option(args, "--sentence-lr") ?? trainer.LearningRate.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        };

        var trainFile = Path.Combine(data, "train", "newsmtsc", "train.jsonl");
        if (!File.Exists(trainFile))
        {
            Console.Error.WriteLine($"{trainFile}: no such file (pass --data DIR)");
            return 1;
        }

        var train = SentimentData.Read(trainFile);
        Console.WriteLine($"train: {train.Count} targets from {trainFile}");
        SentimentFeaturizer.WordClasses = LoadWordClasses(args, output);

        var adapter = new NewsValenceAdapter(
            Blend: float.Parse(Option(args, "--adapt") ?? "0.5", CultureInfo.InvariantCulture),
            Scale: float.Parse(Option(args, "--adapt-scale") ?? "5", CultureInfo.InvariantCulture),
            Shrinkage: float.Parse(Option(args, "--adapt-shrink") ?? "10", CultureInfo.InvariantCulture));
        var induced = InducedSentenceValences(args, Path.Combine(root, "src", "Pipeline.Analysis", "Local", "Sentiment", "Resources"));
        if (Option(args, "--cv-sentence") is { } cvSentence)
        {
            var weight = float.Parse(Option(args, "--weight") ?? SentimentAnalyzer.SentenceModelWeight.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            CrossValidateSentences(args, train, SentenceAdapter(args, adapter), sentenceTrainer, int.Parse(cvSentence, CultureInfo.InvariantCulture), weight, induced);
            return 0;
        }

        if (args.Contains("--calibrate"))
        {
            return MultiTargetCalibrationCommand.Run(train, data, adapter, trainer, int.Parse(Option(args, "--cv") ?? "0", CultureInfo.InvariantCulture));
        }

        if (Option(args, "--cv") is { } cv)
        {
            CrossValidate(train, adapter, trainer, int.Parse(cv, CultureInfo.InvariantCulture), float.Parse(Option(args, "--multi-target-weight") ?? "1", CultureInfo.InvariantCulture), TargetInduced(args, induced));
            return 0;
        }

        var overrides = adapter.Learn(train);
        var targetInduced = TargetInduced(args, induced);
        var lexicon = VaderLexicon.LoadBase(overrides, targetInduced.Valences, targetInduced.Weight);
        Console.WriteLine($"news valences: {overrides.Count} words adapted");

        // Sentences with several targets teach what depends on the target rather than on the sentence: weigh them up.
        var multiTargetWeight = float.Parse(Option(args, "--multi-target-weight") ?? "1", CultureInfo.InvariantCulture);
        var targetModel = trainer.Train(train.Select(e => SentimentFeaturizer.Target(lexicon, e, multiTargetWeight)).ToList());

        // Class-prior calibration (chosen on dev data): shift toward the rarer positive and negative labels.
        targetModel.AddToFeature(FeatureExtractor.Bias, [
            float.Parse(Option(args, "--target-negative-bias") ?? "0", CultureInfo.InvariantCulture),
            0,
            float.Parse(Option(args, "--target-positive-bias") ?? "0", CultureInfo.InvariantCulture)]);
        targetModel.RoundToHalf();

        // Networks that read the words around each target in order, blended with the linear model.
        TargetNetEnsemble? targetNet = null;
        if (SentimentFeaturizer.WordClasses is { } vectors && Option(args, "--net-members") != "0")
        {
            targetNet = TargetNetTrainer.TrainEnsemble(TargetNetExamples.Encode(train, lexicon, vectors), TargetNetSettings.FromOptions(args));
            Console.WriteLine($"target networks: {targetNet.Members.Count} × {targetNet.Members[0].H} hidden, weight {targetNet.Weight.ToString(CultureInfo.InvariantCulture)}");
        }

        // Sentence-level signal: sentences whose targets all carry the same label.
        // Whole sentences use milder news valences than targets (chosen on vader-nyt dev: Pearson r +0.005; the
        // stronger adaptation is what the target model wants).
        var sentenceAdapter = SentenceAdapter(args, adapter);
        var sentenceOverrides = sentenceAdapter.Learn(train, AdaptedSentenceBase(args, induced));
        var sentenceLexicon = VaderLexicon.LoadBase(sentenceOverrides, induced.Valences, induced.Weight);
        var sentences = train.GroupBy(e => e.Text, StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Label).Distinct().Count() == 1)
            .Select(g => SentimentFeaturizer.Sentence(sentenceLexicon, g.Key, g.First().Label))
            .ToList();
        Console.WriteLine($"train: {sentences.Count} sentences with one label");
        var sentenceModel = sentenceTrainer.Train(sentences);

        Directory.CreateDirectory(output);
        Save(sentenceModel, Path.Combine(output, "sentence-model.bin"));
        Save(targetModel, Path.Combine(output, "target-model.bin"));
        var netFile = Path.Combine(output, "target-net.bin");
        if (targetNet is null)
        {
            File.Delete(netFile);
        }
        else
        {
            using (var stream = File.Create(netFile))
            {
                targetNet.Write(stream);
            }

            Console.WriteLine($"wrote {netFile} ({new FileInfo(netFile).Length} bytes)");
        }
        NewsValenceAdapter.Write(overrides, Path.Combine(output, "news-valence.tsv"));
        NewsValenceAdapter.Write(sentenceOverrides, Path.Combine(output, "news-valence-sentence.tsv"));

        if (args.Contains("--dev"))
        {
            var weight = float.Parse(Option(args, "--weight") ?? SentimentAnalyzer.SentenceModelWeight.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var analyzer = new SentimentAnalyzer(lexicon, sentenceModel, targetModel, weight, sentenceLexicon, SentimentFeaturizer.WordClasses, targetNet);
            PrintDev(analyzer, Path.Combine(data, "eval", "vader-nyt", "dev.jsonl"), SentenceSentimentEvaluation.Evaluate);
            Console.WriteLine("dev vader-nyt/dev.jsonl quarters " + SentenceQuarterEvaluation.Describe(SentimentData.Read(Path.Combine(data, "eval", "vader-nyt", "dev.jsonl")), analyzer));
            PrintDev(analyzer, Path.Combine(data, "eval", "newsmtsc", "rw_dev.jsonl"), TargetedSentimentEvaluation.Evaluate);
            PrintDev(analyzer, Path.Combine(data, "eval", "newsmtsc", "mt_dev.jsonl"), TargetedSentimentEvaluation.Evaluate);
            foreach (var set in new[] { "rw_dev.jsonl", "mt_dev.jsonl" })
            {
                var file = Path.Combine(data, "eval", "newsmtsc", set);
                if (File.Exists(file))
                {
                    Console.WriteLine($"dev newsmtsc/{set} sentence pearson={ClassificationMetrics.Fixed3(SentenceProxyEvaluation.Pearson(SentimentData.Read(file), analyzer))} (polarity vs mean target label)");
                }
            }

            PrintConfusion(analyzer, Path.Combine(data, "eval", "newsmtsc", "rw_dev.jsonl"));
            PrintConfusion(analyzer, Path.Combine(data, "eval", "newsmtsc", "mt_dev.jsonl"));
        }

        if (Option(args, "--dump") is { } dump)
        {
            DumpSentences(Path.Combine(data, "eval", "vader-nyt", "dev.jsonl"), sentenceLexicon, sentenceModel, dump);
        }

        return 0;
    }

    /// <summary>The target model's trainer (the sentence model's derives from it): the shipped settings unless overridden.</summary>
    public static LogisticRegressionTrainer TargetTrainer(IReadOnlyList<string> args) => new(
        BucketBits: int.Parse(Option(args, "--bits") ?? "18", CultureInfo.InvariantCulture),
        Epochs: int.Parse(Option(args, "--epochs") ?? "12", CultureInfo.InvariantCulture),
        LearningRate: float.Parse(Option(args, "--lr") ?? "0.02", CultureInfo.InvariantCulture),
        L2: float.Parse(Option(args, "--l2") ?? "0.000001", CultureInfo.InvariantCulture),
        Seed: int.Parse(Option(args, "--seed") ?? "20261122", CultureInfo.InvariantCulture),
        Runs: int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture));

    /// <summary>
    /// Induced valences for whole-sentence scoring: --induced FILE (default: the analyzer's induced-valence.tsv,
    /// written by induce-valence; "none" disables) scaled by --induced-weight.
    /// </summary>
    private static (Dictionary<string, float>? Valences, float Weight) InducedSentenceValences(IReadOnlyList<string> args, string resources)
    {
        var file = Option(args, "--induced") ?? Path.Combine(resources, "induced-valence.tsv");
        var weight = float.Parse(Option(args, "--induced-weight") ?? VaderLexicon.InducedWeight.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (file == "none" || !File.Exists(file))
        {
            Console.WriteLine("induced valences: none");
            return (null, weight);
        }

        using var stream = File.OpenRead(file);
        var valences = VaderLexicon.ReadOverrides(stream);
        Console.WriteLine($"induced valences: {valences.Count} words from {file}, weight {weight.ToString(CultureInfo.InvariantCulture)}");
        return (valences, weight);
    }

    // --target-induced-weight W: the induced valences also in the target lexicon, scaled by W (0: not used).
    private static (Dictionary<string, float>? Valences, float Weight) TargetInduced(IReadOnlyList<string> args, (Dictionary<string, float>? Valences, float Weight) induced)
    {
        var weight = float.Parse(Option(args, "--target-induced-weight") ?? "0", CultureInfo.InvariantCulture);
        return weight > 0 ? (induced.Valences, weight) : (null, 0);
    }

    // --adapt-induced true: the sentence adaptation also moves induced words toward the NewsMTSC labels.
    private static VaderLexicon? AdaptedSentenceBase(IReadOnlyList<string> args, (Dictionary<string, float>? Valences, float Weight) induced) =>
        Option(args, "--adapt-induced") == "true" ? VaderLexicon.LoadBase(null, induced.Valences, induced.Weight) : null;

    /// <summary>
    /// The word classes of the target features: --word-classes FILE, or none with "none"; by default the table
    /// build-word-classes wrote next to the models (so the target model is always trained with what ships).
    /// --word-features N overrides the feature families (a <see cref="WordClassFeatures"/> mask).
    /// </summary>
    public static WordClasses? LoadWordClasses(IReadOnlyList<string> args, string output)
    {
        var file = Option(args, "--word-classes") ?? Path.Combine(output, "word-classes.bin");
        if (file == "none" || !File.Exists(file))
        {
            Console.WriteLine("word classes: none");
            return null;
        }

        WordClasses classes;
        using (var stream = File.OpenRead(file))
        {
            classes = WordClasses.Read(stream);
        }

        if (Option(args, "--word-features") is { } mask)
        {
            classes = classes.WithFeatures((WordClassFeatures)int.Parse(mask, CultureInfo.InvariantCulture));
        }

        Console.WriteLine($"word classes: {classes.Count} words, {classes.FineCount}/{classes.CoarseCount} clusters, features {classes.Features} from {file}");
        return classes;
    }

    private static NewsValenceAdapter SentenceAdapter(IReadOnlyList<string> args, NewsValenceAdapter adapter) => adapter with
    {
        Blend = float.Parse(Option(args, "--sentence-adapt") ?? "0.4", CultureInfo.InvariantCulture),
        Scale = float.Parse(Option(args, "--sentence-adapt-scale") ?? "3", CultureInfo.InvariantCulture),
        Shrinkage = float.Parse(Option(args, "--sentence-adapt-shrink") ?? adapter.Shrinkage.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        MinCount = int.Parse(Option(args, "--sentence-adapt-min") ?? adapter.MinCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// K-fold cross-validation of whole-sentence polarity on the training data, folds by sentence: Pearson r of
    /// ScoreSentence's polarity against the sentence's mean target label (a proxy for sentence ratings that uses no dev data).
    /// </summary>
    private static void CrossValidateSentences(IReadOnlyList<string> args, List<SentimentExample> train, NewsValenceAdapter adapter, LogisticRegressionTrainer trainer, int folds, float weight, (Dictionary<string, float>? Valences, float Weight) induced)
    {
        var polarity = new List<double>();
        var gold = new List<double>();
        for (var k = 0; k < folds; k++)
        {
            var fold = k;
            bool InFold(SentimentExample e) => (int)(TextHash.Of(e.Text) % (ulong)folds) == fold;
            var rest = train.Where(e => !InFold(e)).ToList();
            var lexicon = VaderLexicon.LoadBase(adapter.Learn(rest, AdaptedSentenceBase(args, induced)), induced.Valences, induced.Weight);
            var model = trainer.Train(rest.GroupBy(e => e.Text, StringComparer.Ordinal)
                .Where(g => g.Select(e => e.Label).Distinct().Count() == 1)
                .Select(g => SentimentFeaturizer.Sentence(lexicon, g.Key, g.First().Label))
                .ToList());
            var analyzer = new SentimentAnalyzer(lexicon, model, model, weight);
            foreach (var g in train.Where(InFold).GroupBy(e => e.Text, StringComparer.Ordinal))
            {
                polarity.Add(analyzer.ScoreSentence(g.Key, 0, g.Key.Length).Polarity);
                gold.Add(g.Average(e => e.Label - 1.0));
            }
        }

        Console.WriteLine($"cv{folds} sentence pearson={ClassificationMetrics.Fixed3(ClassificationMetrics.Pearson(polarity, gold))} ({gold.Count} sentences)");
    }

    /// <summary>K-fold cross-validation of the target model on the training data, folds by sentence (valences re-learned per fold).</summary>
    private static void CrossValidate(List<SentimentExample> train, NewsValenceAdapter adapter, LogisticRegressionTrainer trainer, int folds, float multiTargetWeight, (Dictionary<string, float>? Valences, float Weight) induced)
    {
        var gold = new List<int>();
        var predicted = new List<int>();
        var multiGold = new List<int>();
        var multiPredicted = new List<int>();
        Span<float> p = stackalloc float[3];
        for (var k = 0; k < folds; k++)
        {
            var fold = k;
            bool InFold(SentimentExample e) => (int)(TextHash.Of(e.Text) % (ulong)folds) == fold;
            var rest = train.Where(e => !InFold(e)).ToList();
            var lexicon = VaderLexicon.LoadBase(adapter.Learn(rest), induced.Valences, induced.Weight);
            var model = trainer.Train(rest.Select(e => SentimentFeaturizer.Target(lexicon, e, multiTargetWeight)).ToList());
            foreach (var e in train.Where(InFold))
            {
                var x = SentimentFeaturizer.Target(lexicon, e);
                model.Logits(x.Hashes, x.Values, p);
                var label = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[2] > p[1] ? 2 : 1;
                gold.Add(e.Label);
                predicted.Add(label);
                if (e.MultiTarget)
                {
                    multiGold.Add(e.Label);
                    multiPredicted.Add(label);
                }
            }
        }

        var m = new int[3, 3];
        for (var i = 0; i < gold.Count; i++)
        {
            m[gold[i], predicted[i]]++;
        }

        Console.WriteLine($"confusion neg:[{m[0, 0]} {m[0, 1]} {m[0, 2]}] neu:[{m[1, 0]} {m[1, 1]} {m[1, 2]}] pos:[{m[2, 0]} {m[2, 1]} {m[2, 2]}]");
        Console.WriteLine($"cv{folds} macroF1={ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(gold, predicted))} multi-target macroF1={ClassificationMetrics.Percent(ClassificationMetrics.MacroF1(multiGold, multiPredicted))}");
    }

    /// <summary>Cross-validated logits of every training target (folds by sentence, valences re-learned per fold), with its sentence's target count.</summary>
    public static List<ScoredTarget> CrossValidatedTargets(List<SentimentExample> train, NewsValenceAdapter adapter, LogisticRegressionTrainer trainer, int folds)
    {
        var targets = TargetedSentimentEvaluation.TargetsInSentence(train);
        var result = new ScoredTarget[train.Count];
        for (var k = 0; k < folds; k++)
        {
            var fold = k;
            bool InFold(SentimentExample e) => (int)(TextHash.Of(e.Text) % (ulong)folds) == fold;
            var rest = train.Where(e => !InFold(e)).ToList();
            var lexicon = VaderLexicon.LoadBase(adapter.Learn(rest));
            var model = trainer.Train(rest.Select(e => SentimentFeaturizer.Target(lexicon, e)).ToList());
            for (var i = 0; i < train.Count; i++)
            {
                if (InFold(train[i]))
                {
                    var x = SentimentFeaturizer.Target(lexicon, train[i]);
                    var logits = new float[3];
                    model.Logits(x.Hashes, x.Values, logits);
                    result[i] = new ScoredTarget(logits, train[i].Label, targets[i]);
                }
            }
        }

        return [.. result];
    }

    // Diagnostic: VADER sub-scores and model probabilities per dev sentence, for analysing the calibration.
    private static void DumpSentences(string file, VaderLexicon lexicon, LinearModel model, string dump)
    {
        using var writer = new StreamWriter(dump);
        writer.WriteLine("gold\tsum\tcompound\tpos\tneg\tneu\ttokens\tpneg\tpneu\tppos\tpossum\tnegsum");
        Span<float> p = stackalloc float[3];
        foreach (var row in SentimentData.Read(file))
        {
            var ws = SentimentWorkspace.Current;
            SentenceTokenizer.Tokenize(row.Text, lexicon, ws);
            var v = VaderScorer.Score(ws, lexicon);
            FeatureExtractor.Sentence(ws, v, ws.Features);
            model.Predict(ws.Features, p);
            var valences = ws.Valences.AsSpan(0, ws.Count).ToArray();
            writer.WriteLine(string.Join('\t', new double[] { row.Score, v.Sum, v.Compound, v.Positive, v.Negative, v.Neutral, ws.Count, p[0], p[1], p[2], valences.Where(x => x > 0).Sum(), valences.Where(x => x < 0).Sum() }.Select(x => x.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static void PrintDev(SentimentAnalyzer analyzer, string file, Func<IReadOnlyList<SentimentExample>, SentimentAnalyzer, IReadOnlyList<KeyValuePair<string, string>>> evaluate)
    {
        if (File.Exists(file))
        {
            var metrics = evaluate(SentimentData.Read(file), analyzer);
            Console.WriteLine("dev " + Path.GetFileName(Path.GetDirectoryName(file)) + "/" + Path.GetFileName(file) + " " + string.Join(' ', metrics.Select(m => m.Key + "=" + m.Value)));
        }
    }

    // Diagnostic: gold (rows) x predicted (columns) counts, classes negative, neutral, positive.
    private static void PrintConfusion(SentimentAnalyzer analyzer, string file)
    {
        if (!File.Exists(file))
        {
            return;
        }

        var counts = new int[3, 3];
        var rows = SentimentData.Read(file);
        var scores = TargetedSentimentEvaluation.Score(rows, analyzer);
        for (var i = 0; i < rows.Count; i++)
        {
            counts[rows[i].Label, SentenceSentimentEvaluation.Index(scores[i].Label)]++;
        }

        Console.WriteLine($"confusion {Path.GetFileName(file)} neg:[{counts[0, 0]} {counts[0, 1]} {counts[0, 2]}] neu:[{counts[1, 0]} {counts[1, 1]} {counts[1, 2]}] pos:[{counts[2, 0]} {counts[2, 1]} {counts[2, 2]}]");
    }

    private static void Save(LinearModel model, string path)
    {
        using (var stream = File.Create(path))
        {
            model.Write(stream);
        }

        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length} bytes)");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

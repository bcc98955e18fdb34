using System.Diagnostics;
using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// train-ner [--data DIR] [--train SOURCES] [--extra SOURCES] [--dev x.conll,y.conll] [--cv K] [--epochs N] [--beam W (structured training)] [--buckets LOG2] [--seed N] [--ensemble K] [--prune F] [--out FILE]
/// Trains the averaged perceptron on the training files (never the dev files), reports dev scores after each
/// epoch, and writes the quantized model that ships embedded in Pipeline.Analysis. SOURCES are comma-separated
/// <see cref="NerTrainingSource"/> specs (file[:MAP][%P][*N]) under --data. With --cv K it first cross-validates:
/// K folds of the --train files (contiguous blocks of each), each scored by a single-seed model trained on the other
/// folds plus all of --extra, so mixes of extra data are compared on the same held-out sentences. A --cv run writes a
/// model only when --out is given.
/// </summary>
internal static class NerTraining
{
    // The mix chosen by 5-fold CV and the dev files together (EVAL.md, "More training data"): the news/wiki core at
    // twice its former weight, plus every extra corpus except CrossNER politics dev (that is our crossner dev file),
    // Re-DocRED's "the"-opened and demonym LOC spans brought to the core's conventions.
    private const string DefaultTrain = "gum_open_train.conll*2,wikigold.conll*4,crossner_politics_train.conll*16,gum_ccby_train.conll*4";
    private const string DefaultExtra = "extra/re3d_train.conll,extra/crossner_other_train.conll:the=O,extra/redocred_train.conll:the=O+DEMONYM=MISC,"
        + "extra/btc_train.conll:the=O,extra/litbank_train.conll";
    private const string DefaultDev = "../shared/data/eval/gum-ner/wikinews_dev.conll,../shared/data/eval/crossner-politics/dev.conll,../shared/data/eval/uner-en-ewt/dev.conll";

    // A dev file this much of which is in the training data would score memorisation (CrossNER's politics dev split
    // is in train/ner/extra under another name).
    private const double MaxDevOverlap = 0.10;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--data"] = "../shared/data/train/ner",
            ["--train"] = DefaultTrain,
            ["--extra"] = DefaultExtra,
            ["--dev"] = DefaultDev,
            ["--cv"] = "0",
            ["--epochs"] = "5",
            ["--buckets"] = "20",
            ["--seed"] = "13",
            ["--beam"] = "4",
            ["--ensemble"] = "3",
            // Keeps about as many rows (~104k, 6.7 MB resident) as the model trained on the core data alone (EVAL.md).
            ["--prune"] = "0.04",
            ["--out"] = "src/Pipeline.Analysis/Local/Ner/Resources/" + NerTagger.ModelResource,
        };
        if (!CommandOptions.TryOverride(options, args))
        {
            return 2;
        }

        var sw = Stopwatch.StartNew();
        var core = ReadSources(options["--data"], options["--train"]);
        var extra = ReadSources(options["--data"], options["--extra"]);
        var dev = options["--dev"].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(File.Exists)
            .Select(f => (Name: Path.GetFileName(Path.GetDirectoryName(f)) + "/" + Path.GetFileName(f), Sentences: ConllReader.Read(f)))
            .ToList();
        var train = core.Concat(extra).SelectMany(Repeated).ToList();
        if (DevInTraining(train, dev) is { } leak)
        {
            Console.Error.WriteLine(leak);
            return 2;
        }

        var settings = new NerTrainingSettings(
            new NerFeatureExtractor(Gazetteer.Default),
            Int(options, "--buckets"),
            Int(options, "--epochs"),
            Int(options, "--seed"),
            Int(options, "--beam"),
            float.Parse(options["--prune"], System.Globalization.CultureInfo.InvariantCulture));
        var cv = Int(options, "--cv");
        if (cv > 1)
        {
            NerCrossValidation.Run(core, extra.SelectMany(Repeated).ToList(), cv, settings);
        }

        var final = settings.Train(train, Int(options, "--ensemble"), (epoch, model) =>
        {
            var tagger = NerEvaluation.Configure(new NerTagger(model, settings.Features));
            var line = string.Join("  ", dev.Select(d => d.Name + " " + Summary(NerScore.Run(tagger, d.Sentences))));
            Console.WriteLine($"epoch {epoch + 1} ({sw.Elapsed.TotalSeconds:0}s): {line}");
        });

        if (cv > 1 && !args.Contains("--out"))
        {
            Console.WriteLine($"cross-validated in {sw.Elapsed.TotalSeconds:0}s (no --out: model not written)");
            return 0;
        }

        using (var stream = File.Create(options["--out"]))
        {
            final.Save(stream);
        }

        Console.WriteLine($"wrote {options["--out"]} ({new FileInfo(options["--out"]).Length / 1024} KiB, {final.NonZeroRows} rows) in {sw.Elapsed.TotalSeconds:0}s");
        return 0;
    }

    internal static string Summary(NerScore score) =>
        string.Join(' ', score.Metrics().Select(m => m.Key + "=" + m.Value));

    /// <summary>A message naming the first dev file of which more than <see cref="MaxDevOverlap"/> of the sentences are training sentences, else null.</summary>
    internal static string? DevInTraining(IEnumerable<LabelledSentence> train, IEnumerable<(string Name, List<LabelledSentence> Sentences)> dev)
    {
        var seen = train.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, sentences) in dev)
        {
            var shared = sentences.Count(s => seen.Contains(s.Text));
            if (shared > MaxDevOverlap * sentences.Count)
            {
                return $"{shared} of the {sentences.Count} sentences of dev file {name} are in the training data: drop that training file or that dev file";
            }
        }

        return null;
    }

    private static List<(NerTrainingSource Source, List<LabelledSentence> Sentences)> ReadSources(string dataDir, string specs)
    {
        var sources = new List<(NerTrainingSource, List<LabelledSentence>)>();
        foreach (var spec in specs.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = NerTrainingSource.Parse(spec);
            var sentences = source.Read(dataDir);
            Console.WriteLine($"train {source}: {sentences.Count} sentences x{source.Times}");
            sources.Add((source, sentences));
        }

        return sources;
    }

    private static IEnumerable<LabelledSentence> Repeated((NerTrainingSource Source, List<LabelledSentence> Sentences) s) =>
        Enumerable.Repeat(s.Sentences, s.Source.Times).SelectMany(x => x);

    private static int Int(Dictionary<string, string> options, string name) =>
        int.Parse(options[name], System.Globalization.CultureInfo.InvariantCulture);
}

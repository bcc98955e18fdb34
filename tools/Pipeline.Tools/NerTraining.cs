using System.Diagnostics;
using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// train-ner [--data DIR] [--train a.conll,b.conll] [--dev x.conll,y.conll] [--epochs N] [--beam W (structured training)] [--buckets LOG2] [--seed N] [--ensemble K] [--out FILE]
/// Trains the averaged perceptron on the training files (never the dev files), reports dev scores after each
/// epoch, and writes the quantized model that ships embedded in Pipeline.Analysis.
/// </summary>
internal static class NerTraining
{
    // The mix chosen on dev F1 (see EVAL.md): news/wiki genres; WNUT social media measured separately.
    private const string DefaultTrain = "gum_open_train.conll,wikigold.conll*2,crossner_politics_train.conll*8,gum_ccby_train.conll*2";
    private const string DefaultDev = "../shared/data/eval/gum-ner/wikinews_dev.conll,../shared/data/eval/crossner-politics/dev.conll";

    public static int Run(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--data"] = "../shared/data/train/ner",
            ["--train"] = DefaultTrain,
            ["--dev"] = DefaultDev,
            ["--epochs"] = "5",
            ["--buckets"] = "20",
            ["--seed"] = "13",
            ["--beam"] = "4",
            ["--ensemble"] = "3",
            ["--out"] = "src/Pipeline.Analysis/Local/Ner/Resources/" + NerTagger.ModelResource,
        };
        if (!CommandOptions.TryOverride(options, args))
        {
            return 2;
        }

        var sw = Stopwatch.StartNew();
        var train = new List<LabelledSentence>();
        foreach (var name in options["--train"].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            // "file.conll*3" repeats a file: oversampling the small in-domain set.
            var parts = name.Split('*');
            var path = Path.Combine(options["--data"], parts[0]);
            var read = ConllReader.Read(path);
            var times = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
            Console.WriteLine($"train {path}: {read.Count} sentences x{times}");
            for (var t = 0; t < times; t++)
            {
                train.AddRange(read);
            }
        }

        var dev = options["--dev"].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(File.Exists)
            .Select(f => (File: f, Sentences: ConllReader.Read(f)))
            .ToList();
        var log2 = int.Parse(options["--buckets"], System.Globalization.CultureInfo.InvariantCulture);
        var epochs = int.Parse(options["--epochs"], System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(options["--seed"], System.Globalization.CultureInfo.InvariantCulture);
        var features = new NerFeatureExtractor(Gazetteer.Default);
        var beam = int.Parse(options["--beam"], System.Globalization.CultureInfo.InvariantCulture);
        var ensemble = int.Parse(options["--ensemble"], System.Globalization.CultureInfo.InvariantCulture);

        // --ensemble K trains K models on differently shuffled orders (seeds seed..seed+K-1) and averages their
        // averaged weights (parameter mixing): same model size and decoding cost, less order-dependent variance.
        var sums = new float[epochs][];
        for (var m = 0; m < ensemble; m++)
        {
            var trainer = new NerTrainer(features, log2, seed + m, beam);
            trainer.Train(train, epochs, (epoch, current) =>
            {
                var averaged = current.Averaged();
                if (sums[epoch] is null)
                {
                    sums[epoch] = averaged;
                }
                else
                {
                    var sum = sums[epoch];
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += averaged[i];
                    }
                }

                if (m == ensemble - 1)
                {
                    var mixed = sums[epoch];
                    if (ensemble > 1)
                    {
                        for (var i = 0; i < mixed.Length; i++)
                        {
                            mixed[i] /= ensemble;
                        }
                    }

                    var model = NerModel.Quantize(mixed, log2, beam);
                    var tagger = NerEvaluation.Configure(new NerTagger(model, features));
                    var line = string.Join("  ", dev.Select(d => Path.GetFileName(Path.GetDirectoryName(d.File)) + "/" + Path.GetFileName(d.File) + " " + Summary(NerScore.Run(tagger, d.Sentences))));
                    Console.WriteLine($"epoch {epoch + 1} ({sw.Elapsed.TotalSeconds:0}s): {line}");
                }
            });
        }

        var final = NerModel.Quantize(sums[epochs - 1], log2, beam);
        using (var stream = File.Create(options["--out"]))
        {
            final.Save(stream);
        }

        Console.WriteLine($"wrote {options["--out"]} ({new FileInfo(options["--out"]).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:0}s");
        return 0;
    }

    private static string Summary(NerScore score) =>
        string.Join(' ', score.Metrics().Select(m => m.Key + "=" + m.Value));
}

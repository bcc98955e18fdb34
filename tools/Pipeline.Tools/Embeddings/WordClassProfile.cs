using System.Diagnostics;
using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// profile-word-classes FILE [MASK...]: CPU time of scoring every target of a NewsMTSC file (one ScoreTargets call per
/// sentence, as the analyzer does) with the shipped target model and no word classes, then with the embedded word
/// classes under each feature mask (the weights do not match other masks; only the cost is of interest).
/// Run with DOTNET_TieredCompilation=0 so that JIT tiering does not blur the numbers.
/// </summary>
internal static class WordClassProfile
{
    public static int Run(IReadOnlyList<string> args)
    {
        var rows = SentimentData.Read(args[0]);
        var sentences = rows.GroupBy(r => r.Text, StringComparer.Ordinal)
            .Select(g => (Text: g.Key, Targets: g.Select(r => new TextSpan(r.TargetStart, r.TargetEnd - r.TargetStart)).Distinct().ToArray()))
            .ToArray();
        var resources = Path.Combine("src", "Pipeline.Analysis", "Local", "Sentiment", "Resources");
        LinearModel Load(string name)
        {
            using var stream = File.OpenRead(Path.Combine(resources, name));
            return LinearModel.Read(stream);
        }

        var sentenceModel = Load("sentence-model.bin");
        var targetModel = Load("target-model.bin");
        var classes = WordClasses.Default ?? throw new InvalidOperationException("no embedded word classes");
        var masks = args.Skip(1).Select(m => (int?)int.Parse(m, CultureInfo.InvariantCulture)).Prepend(null).ToList();
        var targets = sentences.Sum(s => s.Targets.Length);
        for (var round = 0; round < 3; round++)
        {
            foreach (var mask in masks)
            {
                var analyzer = new SentimentAnalyzer(VaderLexicon.Default, sentenceModel, targetModel, wordClasses: mask is { } m ? classes.WithFeatures((WordClassFeatures)m) : null);
                var into = new SentimentScores[64];
                void Pass()
                {
                    foreach (var (text, spans) in sentences)
                    {
                        analyzer.ScoreTargets(text, 0, text.Length, spans, into);
                    }
                }

                Pass();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                const int Passes = 20;
                for (var i = 0; i < Passes; i++)
                {
                    Pass();
                }

                var us = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Passes / targets;
                Console.WriteLine($"mask {(mask is null ? "none" : mask.Value.ToString(CultureInfo.InvariantCulture))}: {us:0.00} us CPU per target ({targets} targets)");
            }
        }

        return 0;
    }
}

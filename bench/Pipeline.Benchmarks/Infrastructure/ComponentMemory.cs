using System.Globalization;
using Pipeline.Analysis.Linking;
using Pipeline.Analysis.Local;
using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Analysis.Local.Language;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Benchmarks.Infrastructure;

/// <summary>
/// `rss --breakdown`: loads the analyzer's tables one at a time and prints what each adds to the live GC heap (after a
/// full collection) and to the resident set, so a memory cut can be aimed at the largest and checked afterwards.
/// </summary>
public static class ComponentMemory
{
    public static void Print(TextWriter output)
    {
        var (live, rss) = Measure();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"component=runtime live_mb={live:F1} rss_mb={rss:F1}"));
        Step(output, "gazetteer", () => Gazetteer.Default);
        Step(output, "word-clusters", () => WordClusters.Default);
        Step(output, "ner-tagger", () => NerTagger.Default);
        Step(output, "entity-recognizer", () => EntityRecognizer.Default);
        Step(output, "notable-linker", () => NotablePersonLinker.Default);
        Step(output, "vader-lexicon", () => VaderLexicon.Default);
        Step(output, "vader-sentence-lexicon", () => VaderLexicon.SentenceDefault);
        Step(output, "word-classes", () => WordClasses.Default);
        Step(output, "target-networks", () => TargetNetEnsemble.Default);
        Step(output, "sentiment-analyzer", SentimentAnalyzer.CreateDefault);
        Step(output, "language-detector", LanguageDetector.CreateDefault);
        Step(output, "key-phrases", KeyPhraseExtractor.CreateDefault);
        Step(output, "local-analyzer", LocalTextAnalyzer.CreateDefault);
    }

    private static void Step(TextWriter output, string name, Func<object?> load)
    {
        var (live0, rss0) = Measure();
        GC.KeepAlive(load());
        var (live1, rss1) = Measure();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"component={name} live_mb=+{live1 - live0:F1} rss_mb=+{rss1 - rss0:F1} total_live_mb={live1:F1} total_rss_mb={rss1:F1}"));
    }

    private static (double LiveMb, double RssMb) Measure()
    {
        var live = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        return (live, ResidentMemoryProbe.ReadStatusKilobytes("VmRSS") / 1024.0);
    }
}

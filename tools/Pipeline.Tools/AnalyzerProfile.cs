using System.Diagnostics;
using System.Text;
using Pipeline.Analysis.Local;
using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Analysis.Local.Language;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Tools;

/// <summary>
/// `profile-analyzer FILE`: times each stage of the local analyzer (warm, 5 passes) over the articles of FILE
/// (articles separated by a blank line, as bench/ writes its corpora), and the whole analyzer for comparison.
/// `profile-analyzer --stages PREFIX[,PREFIX...] FILE` times only the stages whose names start with one of the
/// prefixes (e.g. `entities,coreference,surname,key,tokens`), 20 passes each, for perf and callgrind runs on a few stages.
/// </summary>
internal static class AnalyzerProfile
{
    public static int Run(string file, bool wholeOnly = false, string? stages = null)
    {
        var articles = ReadArticles(file);
        var bytes = articles.Sum(a => Encoding.UTF8.GetByteCount(a));
        var language = LanguageDetector.CreateDefault();
        var sentiment = SentimentAnalyzer.CreateDefault();
        var keyPhrases = KeyPhraseExtractor.CreateDefault();
        var analyzer = LocalTextAnalyzer.CreateDefault();
        var prepared = articles.Select(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            var spans = sentences.Select(s => SentenceSplitter.ToCharSpan(tokens, s)).ToArray();
            var mentions = EntityRecognizer.Default.Find(text, tokens, sentences);
            var clusters = NameCoreference.Resolve(text, tokens, mentions);
            return (text, tokens, sentences, spans, mentions, clusters);
        }).ToArray();
        Console.WriteLine($"{articles.Count} articles, {bytes} bytes");
        var only = stages?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var passes = only is null ? 5 : 20;
        if (wholeOnly)
        {
            for (var round = 0; round < 3; round++)
            {
                var pause = GC.GetTotalPauseDuration();
                var collections = GC.CollectionCount(0);
                var ms = Time("LocalTextAnalyzer.Analyze", () => { foreach (var a in prepared) { analyzer.Analyze(new AnalysisRequest(a.text)); } });
                // Garbage collection's share: pauses per pass (the allocating thread does the gen0/gen1 work).
                Console.WriteLine($"whole analyzer: {bytes / 1e6 / (ms / 1000):0.00} MB/s, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / 6:0.0} ms and {(GC.CollectionCount(0) - collections) / 6.0:0.0} collections per pass");
            }

            return 0;
        }

        var total = 0.0;
        total += Time("language", () => { foreach (var a in prepared) { language.Detect(a.text); } });
        total += Time("tokens + sentences", () => { foreach (var a in prepared) { SentenceSplitter.Split(a.text, Tokenizer.Tokenize(a.text)); } });
        total += Time("sentence sentiment", () =>
        {
            foreach (var a in prepared)
            {
                foreach (var s in a.spans)
                {
                    sentiment.ScoreSentence(a.text, s.Start, s.Length);
                }
            }
        });
        total += Time("entities (tagger + rules)", () => { foreach (var a in prepared) { EntityRecognizer.Default.Find(a.text, a.tokens, a.sentences); } });
        total += Time("coreference", () => { foreach (var a in prepared) { NameCoreference.Resolve(a.text, a.tokens, a.mentions); } });
        total += Time("surname propagation", () => { foreach (var a in prepared) { SurnameMentions.Propagate(a.text, a.tokens, a.sentences, a.clusters); } });
        // One ScoreTargets call per sentence with all its mentions, as LocalTextAnalyzer scores them.
        var bySentence = prepared.Select(a => (a.text, a.spans, Groups: a.clusters.Where(c => EntityCategories.CarriesSentiment(c.Category)).SelectMany(c => c.Mentions).GroupBy(m => m.Sentence)
            .Select(g => (Sentence: g.Key, Targets: g.Select(m => new TextSpan(m.Start, m.Length)).ToArray())).ToArray())).ToArray();
        Console.WriteLine($"{bySentence.Sum(a => a.Groups.Length)} sentences with targets, {bySentence.Sum(a => a.Groups.Sum(g => g.Targets.Length))} targets");
        void ScoreTargets(SentimentAnalyzer scorer)
        {
            foreach (var a in bySentence)
            {
                foreach (var (sentence, targets) in a.Groups)
                {
                    var s = a.spans[sentence];
                    scorer.ScoreTargets(a.text, s.Start, s.Length, targets, new SentimentScores[targets.Length]);
                }
            }
        }

        total += Time("target sentiment", () => ScoreTargets(sentiment));
        var linearOnly = sentiment.WithTargetNet(null);
        Time("  of which the linear target model", () => ScoreTargets(linearOnly));
        total += Time("key phrases", () => { foreach (var a in prepared) { keyPhrases.Extract(a.text, a.spans, 20); } });
        Console.WriteLine($"sum of stages: {total:0.0} ms");
        if (only is not null)
        {
            return 0;
        }

        var whole = Time("LocalTextAnalyzer.Analyze", () => { foreach (var a in prepared) { analyzer.Analyze(new AnalysisRequest(a.text)); } });
        Console.WriteLine($"whole analyzer: {bytes / 1e6 / (whole / 1000):0.00} MB/s");
        return 0;

        double Time(string name, Action action)
        {
            if (only is not null && !only.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                return 0;
            }

            action();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < passes; i++)
            {
                action();
            }

            var wall = sw.Elapsed.TotalMilliseconds / passes;
            // CPU time: other processes loading the machine do not inflate it (the GC and JIT threads do count).
            var ms = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / passes;
            var mb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)passes / 1e6;
            Console.WriteLine($"{name}: {ms:0.0} ms CPU, {wall:0.0} ms wall, {mb:0.0} MB allocated");
            return ms;
        }
    }

    internal static List<string> ReadArticles(string file)
    {
        var articles = new List<string>();
        var current = new StringBuilder();
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            current.Append(current.Length > 0 ? " " : "").Append(line);
        }

        Flush();
        return articles;

        void Flush()
        {
            if (current.Length > 0)
            {
                articles.Add(current.ToString());
                current.Clear();
            }
        }
    }
}

using System.Diagnostics;
using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Analysis.Local.Language;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Tools;

/// <summary>`profile-analyzer FILE`: times each stage of the local analyzer on one text (warm, mean of 5 runs).</summary>
internal static class AnalyzerProfile
{
    public static int Run(string file)
    {
        var text = File.ReadAllText(file);
        var language = LanguageDetector.CreateDefault();
        var sentiment = SentimentAnalyzer.CreateDefault();
        var keyPhrases = KeyPhraseExtractor.CreateDefault();
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var spans = sentences.Select(s => SentenceSplitter.ToCharSpan(tokens, s)).ToArray();
        var mentions = EntityRecognizer.Default.Find(text, tokens, sentences);
        var clusters = NameCoreference.Resolve(text, tokens, mentions);
        Time("language", () => language.Detect(text));
        Time("tokens + sentences", () => SentenceSplitter.Split(text, Tokenizer.Tokenize(text)));
        Time("sentence sentiment", () =>
        {
            foreach (var s in spans)
            {
                sentiment.ScoreSentence(text, s.Start, s.Length);
            }
        });
        Time("entities", () => EntityRecognizer.Default.Find(text, tokens, sentences));
        Time("coreference", () => NameCoreference.Resolve(text, tokens, mentions));
        Time($"target sentiment ({mentions.Count} mentions)", () =>
        {
            foreach (var m in clusters.SelectMany(c => c.Mentions))
            {
                var s = spans[m.Sentence];
                sentiment.ScoreTarget(text, s.Start, s.Length, m.Start, m.Length);
            }
        });
        Time("key phrases", () => keyPhrases.Extract(text, spans, 20));
        return 0;

        void Time(string name, Action action)
        {
            action();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                action();
            }

            Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
        }
    }
}

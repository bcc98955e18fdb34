using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// Entity-level exact-match scores of the embedded tagger on a CoNLL file: sentence tokens are joined with
/// spaces (offsets known) and tagged; micro-F1 over PER/LOC/ORG, per-type F1 (MISC reported separately).
/// </summary>
internal static class NerEvaluation
{
    private static NerTagger? s_tagger;

    /// <summary>Repairs for taggers the tools build themselves (null = the tagger's default).</summary>
    internal static TagRepair.Rules? Repairs { get; set; }

    internal static NerTagger Tagger => s_tagger ?? NerTagger.Default;

    internal static void UseModel(string file)
    {
        using var stream = File.OpenRead(file);
        s_tagger = Configure(new NerTagger(NerModel.Load(stream), new NerFeatureExtractor(Gazetteer.Default)));
    }

    internal static NerTagger Configure(NerTagger tagger)
    {
        if (Repairs is { } rules)
        {
            tagger.Repairs = rules;
        }

        return tagger;
    }

    /// <summary>Scores the tagger, or with PIPELINE_NER_EVAL=recognizer the whole entity recognizer (category rules included).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) =>
        Environment.GetEnvironmentVariable("PIPELINE_NER_EVAL") == "recognizer"
            ? NerScore.RunRecognizer(ConllReader.Read(file)).Metrics()
            : NerScore.Run(Tagger, ConllReader.Read(file)).Metrics();

    /// <summary>tag-ner FILE: prints token, gold tag and predicted tag per line, for error analysis.</summary>
    public static int WriteTagged(string file)
    {
        foreach (var s in ConllReader.Read(file))
        {
            var tags = new int[s.Tokens.Length];
            Tagger.Tag(s.Text, s.Tokens, tags, []);
            for (var i = 0; i < tags.Length; i++)
            {
                Console.WriteLine($"{s.Text.Substring(s.Tokens[i].Start, s.Tokens[i].Length)}\t{NerTags.Name(s.Tags[i])}\t{NerTags.Name(tags[i])}");
            }

            Console.WriteLine();
        }

        return 0;
    }

    /// <summary>entities FILE: prints the entities (tagger + rules + coreference) of a plain-text file; with profile, times the stages instead.</summary>
    public static int WriteEntities(string file, bool profile = false)
    {
        var text = File.ReadAllText(file);
        if (profile)
        {
            var t0 = Pipeline.Analysis.Local.Text.Tokenizer.Tokenize(text);
            var s0 = Pipeline.Analysis.Local.Text.SentenceSplitter.Split(text, t0);
            var m0 = EntityRecognizer.Default.Find(text, t0, s0);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                m0 = EntityRecognizer.Default.Find(text, t0, s0);
            }

            Console.WriteLine($"find: {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
            var tags = new int[t0.Count];
            var conf = new float[t0.Count];
            var all = t0.ToArray();
            var features = new NerFeatureExtractor(Gazetteer.Default);
            var buffer = new NerFeatureExtractor.SentenceFeatures();
            sw.Restart();
            for (var i = 0; i < 5; i++)
            {
                foreach (var r in s0)
                {
                    features.Extract(text, all.AsSpan(r.Start, r.Length), buffer);
                }
            }

            Console.WriteLine($"features only: {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
            sw.Restart();
            for (var i = 0; i < 5; i++)
            {
                foreach (var r in s0)
                {
                    NerTagger.Default.Tag(text, all.AsSpan(r.Start, r.Length), tags.AsSpan(r.Start, r.Length), conf.AsSpan(r.Start, r.Length));
                }
            }

            Console.WriteLine($"tagger (features + scoring): {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
            var taken = new bool[t0.Count];
            var sink = new List<DetectedMention>();
            sw.Restart();
            for (var i = 0; i < 5; i++)
            {
                sink.Clear();
                for (var r = 0; r < s0.Count; r++)
                {
                    RuleEntities.Find(text, all, s0[r].Start, s0[r].End, r, taken, sink);
                }
            }

            Console.WriteLine($"rules: {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
            sw.Restart();
            for (var i = 0; i < 5; i++)
            {
                m0 = EntityRecognizer.Default.Find(text, t0, s0);
            }

            Console.WriteLine($"find again: {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
            sw.Restart();
            for (var i = 0; i < 5; i++)
            {
                _ = Pipeline.Analysis.Local.Coreference.NameCoreference.Resolve(text, t0, m0);
            }

            Console.WriteLine($"coref: {sw.Elapsed.TotalMilliseconds / 5:0.0} ms");
            return 0;
        }

        var tokens = Pipeline.Analysis.Local.Text.Tokenizer.Tokenize(text);
        var sentences = Pipeline.Analysis.Local.Text.SentenceSplitter.Split(text, tokens);
        var mentions = EntityRecognizer.Default.Find(text, tokens, sentences);
        foreach (var c in Pipeline.Analysis.Local.Coreference.NameCoreference.Resolve(text, tokens, mentions))
        {
            Console.WriteLine($"{c.Category}/{c.Subcategory} {c.Name}: " + string.Join(" | ", c.Mentions.Select(m => $"{text.Substring(m.Start, m.Length)}@{m.Start} {m.Confidence:0.00}")));
        }

        return 0;
    }

    /// <summary>calibrate-ner FILE: mean predicted-entity confidence vs precision for several softmax temperatures.</summary>
    public static int Calibrate(string file)
    {
        var sentences = ConllReader.Read(file);
        using var stream = typeof(NerTagger).Assembly.GetManifestResourceStream("Pipeline.Analysis.Ner." + NerTagger.ModelResource)!;
        var model = NerModel.Load(stream);
        foreach (var temperature in new[] { 1f, 2f, 4f, 8f, 16f, 32f })
        {
            var tagger = new NerTagger(model, new NerFeatureExtractor(Gazetteer.Default)) { Temperature = temperature };
            double confSum = 0, correctConf = 0, wrongConf = 0;
            int n = 0, correct = 0;
            foreach (var s in sentences)
            {
                var tags = new int[s.Tokens.Length];
                var conf = new float[s.Tokens.Length];
                tagger.Tag(s.Text, s.Tokens, tags, conf);
                var gold = NerTags.Spans(s.Tags).ToHashSet();
                foreach (var span in NerTags.Spans(tags))
                {
                    double c = 0;
                    for (var k = span.Start; k < span.End; k++)
                    {
                        c += conf[k];
                    }

                    c /= span.End - span.Start;
                    confSum += c;
                    n++;
                    if (gold.Contains(span))
                    {
                        correct++;
                        correctConf += c;
                    }
                    else
                    {
                        wrongConf += c;
                    }
                }
            }

            Console.WriteLine($"T={temperature}: mean confidence {confSum / n:0.000}, precision {(double)correct / n:0.000}, correct {correctConf / correct:0.000}, wrong {wrongConf / (n - correct):0.000}");
        }

        return 0;
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Tools;

/// <summary>
/// ner-clusters [--data DIR] [--news FILE] [--sizes 32,128,512] [--min-count N] [--passes N] [--out FILE]
/// Induces word clusters from UNLABELED token text (the token column of the NER training files and the sentence
/// text of the NewsMTSC training file; never dev files) with the predictive exchange algorithm (Uszkoreit and
/// Brants 2008): classes maximise the likelihood of P(w_i | class(w_{i-1})). One flat clustering per size; the
/// table ships as "word TAB id TAB id ..." (gzip), a word list without sentences. Deterministic (no randomness,
/// fixed word order), so rerunning reproduces the resource byte for byte.
/// </summary>
internal static class WordClusterInduction
{
    private const string Boundary = "\u0002";
    private const string Unknown = "\u0003";

    public static int Run(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--data"] = "../shared/data/train/ner",
            ["--news"] = "../shared/data/train/newsmtsc/train.jsonl",
            ["--sizes"] = "32,128,512",
            ["--min-count"] = "2",
            ["--passes"] = "15",
            ["--out"] = "src/Pipeline.Analysis/Local/Ner/Resources/word-clusters.txt.gz",
        };
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!options.ContainsKey(args[i]))
            {
                Console.Error.WriteLine($"unknown option {args[i]}");
                return 2;
            }

            options[args[i]] = args[i + 1];
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var sentences = ReadCorpus(options["--data"], options["--news"]);
        var minCount = int.Parse(options["--min-count"], System.Globalization.CultureInfo.InvariantCulture);
        var passes = int.Parse(options["--passes"], System.Globalization.CultureInfo.InvariantCulture);
        var sizes = options["--sizes"].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // Vocabulary by descending frequency (ties ordinal), rare words folded into one unknown word.
        var freq = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var w in s)
            {
                freq[w] = freq.GetValueOrDefault(w) + 1;
            }
        }

        var words = freq.Where(kv => kv.Value >= minCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        words.Add(Unknown);
        words.Add(Boundary);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            index[words[i]] = i;
        }

        var bigrams = new Dictionary<long, int>();
        long tokens = 0;
        foreach (var s in sentences)
        {
            var prev = index[Boundary];
            foreach (var w in s.Append(Boundary))
            {
                var id = index.TryGetValue(w, out var x) ? x : index[Unknown];
                var key = ((long)prev << 32) | (uint)id;
                bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
                prev = id;
                tokens++;
            }
        }

        Console.WriteLine($"corpus: {sentences.Count} sentences, {tokens} tokens, {words.Count} word types (count >= {minCount}), {bigrams.Count} bigram types");

        // Successor lists per word, in deterministic order.
        var succ = new List<(int Word, int Count)>[words.Count];
        for (var i = 0; i < succ.Length; i++)
        {
            succ[i] = [];
        }

        foreach (var kv in bigrams.OrderBy(kv => kv.Key))
        {
            succ[(int)(kv.Key >> 32)].Add(((int)(kv.Key & 0xFFFFFFFF), kv.Value));
        }

        FillTable(tokens);
        var table = new int[sizes.Length][];
        for (var k = 0; k < sizes.Length; k++)
        {
            table[k] = Exchange(succ, words.Count, sizes[k], passes);
            Console.WriteLine($"clusters {sizes[k]}: done ({sw.Elapsed.TotalSeconds:0}s)");
        }

        var sb = new StringBuilder();
        foreach (var (w, i) in words.Select((w, i) => (w, i)).Where(x => x.w != Unknown && x.w != Boundary).OrderBy(x => x.w, StringComparer.Ordinal))
        {
            sb.Append(w);
            for (var k = 0; k < sizes.Length; k++)
            {
                sb.Append('\t').Append(table[k][i]);
            }

            sb.Append('\n');
        }

        using (var file = File.Create(options["--out"]))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        Console.WriteLine($"wrote {options["--out"]} ({new FileInfo(options["--out"]).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:0}s");
        return 0;
    }

    /// <summary>Token lists: the first column of every training CoNLL file, and the distinct NewsMTSC sentences tokenized as at run time.</summary>
    private static List<string[]> ReadCorpus(string dataDir, string newsFile)
    {
        var sentences = new List<string[]>();
        foreach (var file in Directory.GetFiles(dataDir, "*.conll").Order(StringComparer.Ordinal))
        {
            sentences.AddRange(ConllReader.Read(file).Select(s => s.Tokens.Select(t => s.Text.Substring(t.Start, t.Length)).ToArray()));
        }

        if (File.Exists(newsFile))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(newsFile))
            {
                using var doc = JsonDocument.Parse(line);
                var text = doc.RootElement.GetProperty("text").GetString();
                if (string.IsNullOrWhiteSpace(text) || !seen.Add(text))
                {
                    continue;
                }

                sentences.Add(Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)).ToArray());
            }
        }

        return sentences;
    }

    /// <summary>Predictive exchange clustering: moves each word (most frequent first) to the class that most increases the class-bigram likelihood.</summary>
    private static int[] Exchange(List<(int Word, int Count)>[] succ, int vocab, int classes, int passes)
    {
        var cls = new int[vocab];
        var total = new int[vocab];
        for (var v = 0; v < vocab; v++)
        {
            cls[v] = v % classes;
            total[v] = succ[v].Sum(x => x.Count);
        }

        var n = new int[(long)classes * vocab];
        var nc = new long[classes];
        for (var v = 0; v < vocab; v++)
        {
            foreach (var (w, c) in succ[v])
            {
                n[((long)cls[v] * vocab) + w] += c;
            }

            nc[cls[v]] += total[v];
        }

        var gain = new double[classes];
        for (var pass = 0; pass < passes; pass++)
        {
            var moves = 0;
            for (var v = 0; v < vocab; v++)
            {
                if (total[v] == 0)
                {
                    continue;
                }

                var from = cls[v];
                Move(n, nc, vocab, succ[v], total[v], from, -1);
                for (var b = 0; b < classes; b++)
                {
                    var row = (long)b * vocab;
                    var g = 0.0;
                    foreach (var (w, c) in succ[v])
                    {
                        var before = n[row + w];
                        g += XLogX(before + c) - XLogX(before);
                    }

                    gain[b] = g - (XLogX(nc[b] + total[v]) - XLogX(nc[b]));
                }

                var best = from;
                for (var b = 0; b < classes; b++)
                {
                    if (gain[b] > gain[best] + 1e-9)
                    {
                        best = b;
                    }
                }

                Move(n, nc, vocab, succ[v], total[v], best, 1);
                if (best != from)
                {
                    cls[v] = best;
                    moves++;
                }
            }

            Console.WriteLine($"  {classes} classes, pass {pass + 1}: {moves} moves");
            if (moves < vocab / 1000)
            {
                break;
            }
        }

        return cls;
    }

    private static void Move(int[] n, long[] nc, int vocab, List<(int Word, int Count)> succ, int total, int cls, int sign)
    {
        var row = (long)cls * vocab;
        foreach (var (w, c) in succ)
        {
            n[row + w] += sign * c;
        }

        nc[cls] += sign * total;
    }

    // x ln x for counts up to the corpus size (a table: the inner loop evaluates it ~10^8 times a pass).
    private static double[] xLogX = [];

    private static double XLogX(long x) => x < xLogX.Length ? xLogX[x] : x * Math.Log(x);

    private static void FillTable(long max)
    {
        xLogX = new double[max + 1];
        for (var x = 1; x <= max; x++)
        {
            xLogX[x] = x * Math.Log(x);
        }
    }
}

using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;
using static Pipeline.Tools.CommandOptions;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// induce-valence [--vocab N] [--neutral N] [--candidates N] [--lambda X[,X..]] [--neutral-weight X[,X..]]
/// [--threshold T] [--folds K] [--out FILE] [--show N] [--knn K --knn-mix X]
/// Lexicon induction from GloVe vectors: a ridge regression from a word's (unit-length) vector to its valence,
/// trained on the VADER lexicon words (their valences) and on frequent words the lexicon does not know (valence 0,
/// down-weighted: most are neutral, a few are the sentiment words VADER misses). Every word's prediction is
/// out-of-fold (K folds by word hash), so a missing word is never scored by a model that saw it labelled 0.
/// Frequent unknown words predicted at |valence| >= T are written as "word TAB valence" (the induced lexicon the
/// sentence scorer adds, <c>induced-valence.tsv</c>). Prints the cross-validated fit on the lexicon for every
/// (lambda, neutral weight) pair; writes only when a single pair is given. Deterministic.
/// </summary>
internal static class ValenceInduction
{
    public static int Run(IReadOnlyList<string> args)
    {
        var vocab = Int(args, "--vocab", 100_000);
        var neutralMax = Int(args, "--neutral", 50_000);
        var candidateMax = Int(args, "--candidates", 50_000);
        var folds = Int(args, "--folds", 10);
        var threshold = double.Parse(Option(args, "--threshold") ?? "0.4", CultureInfo.InvariantCulture);
        var lambdas = Doubles(args, "--lambda", "1");
        var neutralWeights = Doubles(args, "--neutral-weight", "0.3");
        var show = Int(args, "--show", 40);

        var vectors = WordVectors.Load(Option(args, "--vectors") ?? WordVectors.DefaultPath, vocab);
        Console.WriteLine($"{vectors.Count} words x {vectors.Dimensions}");
        var lexicon = VaderLexicon.ReadBaseEntries();
        var known = VaderLexicon.LoadBase();

        var words = new List<string>();
        var x = new List<float[]>();
        var y = new List<double>();
        var isLexicon = new List<bool>();
        var rank = new List<int>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var word = vectors.Words[i];
            if (!IsWord(word))
            {
                continue;
            }

            if (lexicon.TryGetValue(word, out var valence))
            {
                Add(word, valence, true);
            }
            else if (i < neutralMax && known.Lookup(word).Flags == WordFlags.None)
            {
                Add(word, 0, false);
            }

            void Add(string w, double v, bool inLexicon)
            {
                words.Add(w);
                x.Add(UnitVector(vectors.Vector(i)));
                y.Add(v);
                isLexicon.Add(inLexicon);
                rank.Add(i);
            }
        }

        Console.WriteLine($"training rows: {isLexicon.Count(b => b)} lexicon words, {isLexicon.Count(b => !b)} unknown frequent words (target 0)");
        double[]? chosen = null;
        foreach (var lambda in lambdas)
        {
            foreach (var neutralWeight in neutralWeights)
            {
                var w = isLexicon.Select(b => b ? 1.0 : neutralWeight).ToList();
                var predicted = OutOfFold(words, x, y, w, lambda, folds);
                if (Int(args, "--knn", 0) is var k and > 0)
                {
                    // Experiment: mix in a leave-one-out k-nearest-neighbour estimate (--knn-mix share).
                    var mix = double.Parse(Option(args, "--knn-mix") ?? "0.5", CultureInfo.InvariantCulture);
                    var knn = NearestNeighbourValence.LeaveOneOut(x, y, w, k);
                    Report(lambda, neutralWeight, knn, y, isLexicon);
                    predicted = predicted.Zip(knn, (r, n) => ((1 - mix) * r) + (mix * n)).ToArray();
                }

                Report(lambda, neutralWeight, predicted, y, isLexicon);
                chosen = predicted;
            }
        }

        if (lambdas.Length * neutralWeights.Length != 1 || chosen is null)
        {
            return 0;
        }

        var induced = new SortedDictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!isLexicon[i] && rank[i] < candidateMax && Math.Abs(chosen[i]) >= threshold)
            {
                induced[words[i]] = (float)Math.Round(chosen[i], 2);
            }
        }

        Console.WriteLine($"induced: {induced.Count} words with |valence| >= {threshold.ToString(CultureInfo.InvariantCulture)} among the {candidateMax} most frequent");
        var ordered = induced.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        Console.WriteLine("most negative: " + string.Join(' ', ordered.Take(show).Select(p => $"{p.Key}({p.Value:F2})")));
        Console.WriteLine("most positive: " + string.Join(' ', ordered.AsEnumerable().Reverse().Take(show).Select(p => $"{p.Key}({p.Value:F2})")));
        if (Option(args, "--out") is { } output)
        {
            NewsValenceAdapter.Write(induced, output);
            Console.WriteLine($"wrote {output} ({new FileInfo(output).Length} bytes)");
        }

        return 0;
    }

    private static double[] OutOfFold(List<string> words, List<float[]> x, List<double> y, List<double> w, double lambda, int folds)
    {
        var fold = words.Select(word => (int)(TextHash.Of(word) % (ulong)folds)).ToArray();
        var predicted = new double[words.Count];
        for (var k = 0; k < folds; k++)
        {
            var rows = Enumerable.Range(0, words.Count).Where(i => fold[i] != k).ToList();
            var beta = RidgeRegression.Fit(rows.Select(i => x[i]).ToList(), rows.Select(i => y[i]).ToList(), rows.Select(i => w[i]).ToList(), lambda);
            for (var i = 0; i < words.Count; i++)
            {
                if (fold[i] == k)
                {
                    predicted[i] = RidgeRegression.Predict(beta, x[i]);
                }
            }
        }

        return predicted;
    }

    // Cross-validated fit: r on lexicon words, and how selective a threshold is (sign agreement on lexicon words
    // above it, how many unknown words pass it).
    private static void Report(double lambda, double neutralWeight, double[] predicted, List<double> y, List<bool> isLexicon)
    {
        var lex = Enumerable.Range(0, y.Count).Where(i => isLexicon[i]).ToList();
        var r = ClassificationMetrics.Pearson(lex.Select(i => predicted[i]).ToList(), lex.Select(i => y[i]).ToList());
        var parts = new List<string>();
        foreach (var t in new[] { 0.4, 0.6, 0.8, 1.0 })
        {
            var above = lex.Where(i => Math.Abs(predicted[i]) >= t).ToList();
            var agree = above.Count(i => Math.Sign(predicted[i]) == Math.Sign(y[i]));
            var unknown = Enumerable.Range(0, y.Count).Count(i => !isLexicon[i] && Math.Abs(predicted[i]) >= t);
            parts.Add(FormattableString.Invariant($"t{t}: lexicon {above.Count} sign {100.0 * agree / Math.Max(1, above.Count):F1}% unknown {unknown}"));
        }

        Console.WriteLine(FormattableString.Invariant($"lambda={lambda} neutral-weight={neutralWeight} cv r(lexicon)={r:F3} | {string.Join(" | ", parts)}"));
    }

    /// <summary>Lower-case letters, optionally one inner hyphen ("far-reaching"), at least 3 characters.</summary>
    private static bool IsWord(string word)
    {
        if (word.Length < 3 || word[0] == '-' || word[^1] == '-')
        {
            return false;
        }

        var hyphens = 0;
        foreach (var c in word)
        {
            if (c == '-')
            {
                hyphens++;
            }
            else if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return hyphens <= 1;
    }

    private static float[] UnitVector(ReadOnlySpan<float> v)
    {
        var norm = 0.0;
        foreach (var f in v)
        {
            norm += f * f;
        }

        var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
        var result = new float[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = (float)(v[i] * scale);
        }

        return result;
    }
}

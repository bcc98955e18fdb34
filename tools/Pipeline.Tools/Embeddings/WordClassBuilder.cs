using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;
using static Pipeline.Tools.CommandOptions;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// build-word-classes [--words N] [--fine K] [--coarse K] [--polarity-words N] [--ridge X] [--iterations N] [--seed N] [--dims N] [--out FILE]
/// Derives the shipped word-class table from GloVe: <see cref="SphericalKMeans"/> at two
/// granularities over the N most frequent words, and a ridge regression from the unit vector to the VADER valence
/// (lexicon words their valence, other frequent words 0) that predicts a polarity for every word. Deterministic:
/// the same vectors and options give a byte-identical file. Each word also keeps (--dims N, default 32, 0 for none) its unit vector
/// projected on the N leading principal components (whitened, quantized to bytes).
/// </summary>
internal static class WordClassBuilder
{
    public static int Run(IReadOnlyList<string> args)
    {
        var words = Int(args, "--words", 30_000);
        var fine = Int(args, "--fine", 512);
        var coarse = Int(args, "--coarse", 64);
        var polarityWords = Int(args, "--polarity-words", 30_000);
        var ridge = float.Parse(Option(args, "--ridge") ?? "1", CultureInfo.InvariantCulture);
        var iterations = Int(args, "--iterations", 15);
        var seed = Int(args, "--seed", 20261122);
        var projected = Int(args, "--dims", 32);
        var output = Option(args, "--out") ?? Path.Combine("src", "Pipeline.Analysis", "Local", "Sentiment", "Resources", "word-classes.bin");

        var vectors = WordVectors.Load(maxWords: words * 2);
        var rows = Enumerable.Range(0, vectors.Count).Where(i => IsWord(vectors.Words[i])).Take(words).ToArray();
        var dims = vectors.Dimensions;
        var unit = new float[rows.Length * dims];
        for (var r = 0; r < rows.Length; r++)
        {
            var source = vectors.Vector(rows[r]);
            var norm = 0f;
            foreach (var value in source)
            {
                norm += value * value;
            }

            norm = MathF.Sqrt(norm);
            for (var d = 0; d < dims; d++)
            {
                unit[(r * dims) + d] = norm > 0 ? source[d] / norm : 0;
            }
        }

        Console.WriteLine($"{rows.Length} words x {dims}");
        var padded = SphericalKMeans.PaddedDimensions(dims);
        var points = new float[rows.Length * padded];
        for (var r = 0; r < rows.Length; r++)
        {
            unit.AsSpan(r * dims, dims).CopyTo(points.AsSpan(r * padded, dims));
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var fineOf = SphericalKMeans.Cluster(points, padded, rows.Length, fine, iterations, seed, sw);
        var coarseOf = SphericalKMeans.Cluster(points, padded, rows.Length, coarse, iterations, seed + 1, sw);
        var polarity = PredictPolarity(unit, dims, rows.Select(r => vectors.Words[r]).ToArray(), polarityWords, ridge);

        var table = new List<KeyValuePair<string, WordClass>>(rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var p = (sbyte)Math.Clamp(MathF.Round(polarity[r] * WordClass.PolarityScale), -127, 127);
            table.Add(new(vectors.Words[rows[r]], new WordClass((ushort)fineOf[r], (ushort)coarseOf[r], p)));
        }

        var classes = new WordClasses(table, fine, coarse, projected, projected > 0 ? Project(unit, dims, projected) : null);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var stream = File.Create(output))
        {
            classes.Write(stream);
        }

        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length} bytes)");
        foreach (var probe in new[] { "indicted", "ousted", "landslide", "praised", "impeachment", "lawsuit", "hero", "corrupt", "reelected", "defeated", "sanctions", "protesters", "the", "minister" })
        {
            var i = table.FindIndex(e => e.Key == probe);
            if (i >= 0)
            {
                var members = table.Where(e => e.Value.Fine == table[i].Value.Fine).Take(8).Select(e => e.Key);
                Console.WriteLine($"{probe}: polarity {table[i].Value.Valence:F2} fine {table[i].Value.Fine} [{string.Join(' ', members)}]");
            }
        }

        return 0;
    }

    /// <summary>
    /// Each row projected on the leading principal components of the rows (power iteration with deflation from a fixed
    /// start), divided by the component's standard deviation and quantized to steps of 1 / <see cref="WordClasses.VectorScale"/>.
    /// </summary>
    private static sbyte[] Project(float[] unit, int dims, int components)
    {
        var n = unit.Length / dims;
        var mean = new double[dims];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < dims; d++)
            {
                mean[d] += unit[(i * dims) + d] / n;
            }
        }

        var cov = new double[dims, dims];
        var x = new double[dims];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < dims; d++)
            {
                x[d] = unit[(i * dims) + d] - mean[d];
            }

            for (var p = 0; p < dims; p++)
            {
                for (var q = p; q < dims; q++)
                {
                    cov[p, q] += x[p] * x[q] / n;
                }
            }
        }

        for (var p = 0; p < dims; p++)
        {
            for (var q = 0; q < p; q++)
            {
                cov[p, q] = cov[q, p];
            }
        }

        var axes = new double[components][];
        var sd = new double[components];
        for (var k = 0; k < components; k++)
        {
            var v = Enumerable.Range(0, dims).Select(d => 1.0 + (d % 7)).ToArray();
            double lambda = 0;
            for (var iteration = 0; iteration < 500; iteration++)
            {
                var next = new double[dims];
                for (var p = 0; p < dims; p++)
                {
                    for (var q = 0; q < dims; q++)
                    {
                        next[p] += cov[p, q] * v[q];
                    }
                }

                lambda = Math.Sqrt(next.Sum(e => e * e));
                v = next.Select(e => e / lambda).ToArray();
            }

            axes[k] = v;
            sd[k] = Math.Sqrt(lambda);
            for (var p = 0; p < dims; p++)
            {
                for (var q = 0; q < dims; q++)
                {
                    cov[p, q] -= lambda * v[p] * v[q];
                }
            }
        }

        Console.WriteLine($"pca: {components} components, sd {sd[0]:F3} .. {sd[components - 1]:F3}");
        var result = new sbyte[n * components];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < components; k++)
            {
                double s = 0;
                for (var d = 0; d < dims; d++)
                {
                    s += (unit[(i * dims) + d] - mean[d]) * axes[k][d];
                }

                result[(i * components) + k] = (sbyte)Math.Clamp(Math.Round(s / sd[k] * WordClasses.VectorScale), -127, 127);
            }
        }

        return result;
    }

    /// <summary>Words a sentence token can match: at least one letter, no spaces.</summary>
    private static bool IsWord(string word) => word.Any(char.IsLetter) && !word.Any(char.IsWhiteSpace);

    /// <summary>
    /// Ridge regression from the unit vector to the lexicon valence, fitted on the <paramref name="fitWords"/> most frequent
    /// words (words the lexicon lacks count as 0, so the fit learns what neutral looks like too).
    /// </summary>
    private static float[] PredictPolarity(float[] unit, int dims, string[] words, int fitWords, float ridge)
    {
        var lexicon = VaderLexicon.LoadBase();
        var fitted = Math.Min(fitWords, words.Length);
        var x = new List<float[]>(fitted);
        var y = new List<double>(fitted);
        for (var i = 0; i < fitted; i++)
        {
            var info = lexicon.Lookup(words[i]);
            x.Add(unit.AsSpan(i * dims, dims).ToArray());
            y.Add(info.Has(WordFlags.InLexicon) ? info.Valence : 0);
        }

        var beta = RidgeRegression.Fit(x, y, Enumerable.Repeat(1.0, fitted).ToArray(), ridge);
        Console.WriteLine($"polarity: ridge fit on {fitted} words ({y.Count(v => v != 0)} with a valence)");
        var result = new float[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = (float)RidgeRegression.Predict(beta, unit.AsSpan(i * dims, dims));
        }

        return result;
    }
}

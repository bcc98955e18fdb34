using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;
using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// build-word-classes [--words N] [--fine K] [--coarse K] [--polarity-words N] [--ridge X] [--iterations N] [--seed N] [--dims N] [--out FILE]
/// Derives the shipped word-class table from GloVe: spherical k-means (k-means++ seeding from a fixed seed) at two
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
            var norm = MathF.Sqrt(Dot(source, source));
            for (var d = 0; d < dims; d++)
            {
                unit[(r * dims) + d] = norm > 0 ? source[d] / norm : 0;
            }
        }

        Console.WriteLine($"{rows.Length} words x {dims}");
        var fineOf = KMeans(unit, dims, fine, iterations, seed);
        var coarseOf = KMeans(unit, dims, coarse, iterations, seed + 1);
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

    /// <summary>Spherical k-means (cosine) with k-means++ seeding; returns each row's cluster.</summary>
    private static int[] KMeans(float[] unit, int dims, int k, int iterations, int seed)
    {
        var n = unit.Length / dims;
        var random = new Random(seed);
        var centroids = new float[k * dims];
        var best = new float[n];
        Array.Fill(best, float.MaxValue);
        var first = random.Next(n);
        Array.Copy(unit, first * dims, centroids, 0, dims);
        for (var c = 1; c < k; c++)
        {
            var previous = centroids.AsSpan((c - 1) * dims, dims);
            double total = 0;
            for (var i = 0; i < n; i++)
            {
                var distance = 1 - Dot(unit.AsSpan(i * dims, dims), previous);
                best[i] = Math.Min(best[i], Math.Max(0, distance));
                total += best[i] * best[i];
            }

            var pick = random.NextDouble() * total;
            var chosen = n - 1;
            for (var i = 0; i < n; i++)
            {
                pick -= best[i] * best[i];
                if (pick <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            Array.Copy(unit, chosen * dims, centroids, c * dims, dims);
        }

        var assignment = new int[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            // Each row's assignment depends only on the centroids, so the parallel loop stays deterministic.
            Parallel.For(0, n, i =>
            {
                var row = unit.AsSpan(i * dims, dims);
                var bestCluster = 0;
                var bestSimilarity = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var s = Dot(row, centroids.AsSpan(c * dims, dims));
                    if (s > bestSimilarity)
                    {
                        bestSimilarity = s;
                        bestCluster = c;
                    }
                }

                assignment[i] = bestCluster;
            });

            var sums = new double[k * dims];
            var counts = new int[k];
            for (var i = 0; i < n; i++)
            {
                counts[assignment[i]]++;
                for (var d = 0; d < dims; d++)
                {
                    sums[(assignment[i] * dims) + d] += unit[(i * dims) + d];
                }
            }

            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    continue; // an empty cluster keeps its centroid
                }

                double norm = 0;
                for (var d = 0; d < dims; d++)
                {
                    norm += sums[(c * dims) + d] * sums[(c * dims) + d];
                }

                norm = Math.Sqrt(norm);
                for (var d = 0; d < dims; d++)
                {
                    centroids[(c * dims) + d] = (float)(sums[(c * dims) + d] / norm);
                }
            }
        }

        return assignment;
    }

    /// <summary>
    /// Ridge regression from the unit vector to the lexicon valence, fitted on the <paramref name="fitWords"/> most frequent
    /// words (words the lexicon lacks count as 0, so the fit learns what neutral looks like too).
    /// </summary>
    private static float[] PredictPolarity(float[] unit, int dims, string[] words, int fitWords, float ridge)
    {
        var lexicon = VaderLexicon.LoadBase();
        var m = dims + 1;
        var a = new double[m, m];
        var b = new double[m];
        var x = new double[m];
        var fitted = 0;
        var inLexicon = 0;
        for (var i = 0; i < Math.Min(fitWords, words.Length); i++)
        {
            var info = lexicon.Lookup(words[i]);
            var y = info.Has(WordFlags.InLexicon) ? info.Valence : 0;
            inLexicon += info.Has(WordFlags.InLexicon) ? 1 : 0;
            for (var d = 0; d < dims; d++)
            {
                x[d] = unit[(i * dims) + d];
            }

            x[dims] = 1;
            for (var p = 0; p < m; p++)
            {
                b[p] += x[p] * y;
                for (var q = 0; q < m; q++)
                {
                    a[p, q] += x[p] * x[q];
                }
            }

            fitted++;
        }

        for (var p = 0; p < dims; p++)
        {
            a[p, p] += ridge;
        }

        var w = Solve(a, b);
        Console.WriteLine($"polarity: ridge fit on {fitted} words ({inLexicon} in the lexicon)");
        var result = new float[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            double s = w[dims];
            for (var d = 0; d < dims; d++)
            {
                s += w[d] * unit[(i * dims) + d];
            }

            result[i] = (float)s;
        }

        return result;
    }

    /// <summary>Gaussian elimination with partial pivoting (the system is small and well conditioned by the ridge).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var c = 0; c < n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var c = col; c < n; c++)
                {
                    a[r, c] -= factor * a[col, c];
                }

                b[r] -= factor * b[col];
            }
        }

        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var c = r + 1; c < n; c++)
            {
                s -= a[r, c] * result[c];
            }

            result[r] = s / a[r, r];
        }

        return result;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        // Fixed 128-bit lanes: the same summation order on every machine, so the clusters do not depend on the CPU.
        var va = MemoryMarshal.Cast<float, Vector128<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector128<float>>(b);
        var acc = Vector128<float>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            acc += va[i] * vb[i];
        }

        var s = Vector128.Sum(acc);
        for (var i = va.Length * Vector128<float>.Count; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static int Int(IReadOnlyList<string> args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// embeddings-clusters [--words N] [--k 64,256,1024] [--iterations N] [--seed N] [--vectors FILE] [--out FILE]
/// Spherical k-means (cosine on unit vectors, k-means++ initialisation from a fixed seed) over the N most frequent
/// GloVe words, once per granularity, written as "word TAB id TAB id ..." lines (frequency order, gzip) for the NER
/// tagger's cluster features (<see cref="Pipeline.Analysis.Local.Ner.WordClusters"/>). Deterministic: the same
/// vectors and options give the same file (assignment runs in parallel, but each word's choice is independent and
/// centroid sums are accumulated sequentially).
/// </summary>
internal static class EmbeddingClusters
{
    public static int Run(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--words"] = "200000",
            ["--k"] = "64,256,1024",
            ["--iterations"] = "25",
            ["--seed"] = "7",
            ["--vectors"] = WordVectors.DefaultPath,
            ["--out"] = "src/Pipeline.Analysis/Local/Ner/Resources/" + Pipeline.Analysis.Local.Ner.WordClusters.Resource,
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

        var sw = Stopwatch.StartNew();
        var maxWords = int.Parse(options["--words"], CultureInfo.InvariantCulture);
        var ks = options["--k"].Split(',').Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToArray();
        var iterations = int.Parse(options["--iterations"], CultureInfo.InvariantCulture);
        var seed = int.Parse(options["--seed"], CultureInfo.InvariantCulture);
        var vectors = WordVectors.Load(options["--vectors"], maxWords);
        Console.WriteLine($"{vectors.Count} words x {vectors.Dimensions} loaded in {sw.Elapsed.TotalSeconds:0}s");
        var (points, dims) = Normalised(vectors);

        var ids = new int[ks.Length][];
        for (var level = 0; level < ks.Length; level++)
        {
            ids[level] = KMeans(points, dims, vectors.Count, ks[level], iterations, seed + level, sw);
        }

        var text = new StringBuilder();
        for (var w = 0; w < vectors.Count; w++)
        {
            // The resource is tab-separated lines: skip the (rare) vocabulary entries containing whitespace.
            if (vectors.Words[w].Any(char.IsWhiteSpace) || vectors.Words[w].Length == 0)
            {
                continue;
            }

            text.Append(vectors.Words[w]);
            for (var level = 0; level < ks.Length; level++)
            {
                text.Append('\t').Append(ids[level][w].ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        using (var file = File.Create(options["--out"]))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            gzip.Write(bytes);
        }

        Console.WriteLine($"wrote {options["--out"]} ({new FileInfo(options["--out"]).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:0}s");
        return 0;
    }

    /// <summary>Unit-length rows padded with zeros to a multiple of the SIMD width.</summary>
    private static (float[] Points, int Dims) Normalised(WordVectors vectors)
    {
        var width = Vector<float>.Count;
        var dims = (vectors.Dimensions + width - 1) / width * width;
        var points = new float[vectors.Count * dims];
        for (var w = 0; w < vectors.Count; w++)
        {
            var v = vectors.Vector(w);
            var norm = 0.0;
            foreach (var x in v)
            {
                norm += x * x;
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var d = 0; d < v.Length; d++)
            {
                points[(w * dims) + d] = v[d] * scale;
            }
        }

        return (points, dims);
    }

    private static int[] KMeans(float[] points, int dims, int n, int k, int iterations, int seed, Stopwatch sw)
    {
        var centroids = PlusPlus(points, dims, n, k, seed);
        var assign = new int[n];
        Array.Fill(assign, -1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        for (var it = 0; it < iterations; it++)
        {
            var changed = 0;
            var total = 0.0;
            var best = new float[n];
            Parallel.For(0, n, parallel, w =>
            {
                var p = points.AsSpan(w * dims, dims);
                var bestC = 0;
                var bestDot = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var dot = Dot(p, centroids.AsSpan(c * dims, dims));
                    if (dot > bestDot)
                    {
                        bestDot = dot;
                        bestC = c;
                    }
                }

                if (assign[w] != bestC)
                {
                    Interlocked.Increment(ref changed);
                }

                assign[w] = bestC;
                best[w] = bestDot;
            });

            foreach (var b in best)
            {
                total += b;
            }

            Console.WriteLine($"k={k} iteration {it + 1}: {changed} changed, mean cosine {total / n:F4} ({sw.Elapsed.TotalSeconds:0}s)");
            Recompute(points, dims, n, k, assign, centroids);
            if (changed < n / 1000)
            {
                break;
            }
        }

        return assign;
    }

    /// <summary>Centroid = normalised mean of its words; an empty cluster keeps its previous centroid.</summary>
    private static void Recompute(float[] points, int dims, int n, int k, int[] assign, float[] centroids)
    {
        var sums = new double[k * dims];
        var counts = new int[k];
        for (var w = 0; w < n; w++)
        {
            var c = assign[w];
            counts[c]++;
            for (var d = 0; d < dims; d++)
            {
                sums[(c * dims) + d] += points[(w * dims) + d];
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            var norm = 0.0;
            for (var d = 0; d < dims; d++)
            {
                norm += sums[(c * dims) + d] * sums[(c * dims) + d];
            }

            var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
            for (var d = 0; d < dims; d++)
            {
                centroids[(c * dims) + d] = (float)(sums[(c * dims) + d] * scale);
            }
        }
    }

    /// <summary>k-means++: each next centre is drawn with probability proportional to its distance (1 − cosine) to the nearest chosen one.</summary>
    private static float[] PlusPlus(float[] points, int dims, int n, int k, int seed)
    {
        var random = new Random(seed);
        var centroids = new float[k * dims];
        var distance = new double[n];
        Array.Fill(distance, double.MaxValue);
        var chosen = random.Next(n);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        for (var c = 0; c < k; c++)
        {
            points.AsSpan(chosen * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
            var centre = c;
            Parallel.For(0, n, parallel, w =>
            {
                var d = Math.Max(0, 1 - Dot(points.AsSpan(w * dims, dims), centroids.AsSpan(centre * dims, dims)));
                if (d < distance[w])
                {
                    distance[w] = d;
                }
            });

            var sum = 0.0;
            foreach (var d in distance)
            {
                sum += d;
            }

            var target = random.NextDouble() * sum;
            chosen = n - 1;
            for (var w = 0; w < n; w++)
            {
                target -= distance[w];
                if (target <= 0)
                {
                    chosen = w;
                    break;
                }
            }
        }

        return centroids;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        for (var i = 0; i < a.Length; i += width)
        {
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        return Vector.Sum(acc);
    }
}

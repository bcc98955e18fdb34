using System.Diagnostics;
using System.Numerics;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// Spherical k-means (cosine on unit vectors, k-means++ initialisation from a fixed seed), shared by the NER word
/// clusters (embeddings-clusters) and the sentiment word classes (build-word-classes). Rows are padded with zeros to a
/// multiple of the SIMD width (<see cref="PaddedDimensions"/>). Deterministic: assignment runs in parallel, but each
/// word's choice is independent and centroid sums are accumulated sequentially.
/// </summary>
internal static class SphericalKMeans
{
    /// <summary>Row length after padding <paramref name="dimensions"/> to a multiple of the SIMD width.</summary>
    public static int PaddedDimensions(int dimensions) => (dimensions + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>Returns each row's cluster (0..k-1) after at most <paramref name="iterations"/> rounds.</summary>
    public static int[] Cluster(float[] points, int dims, int n, int k, int iterations, int seed, Stopwatch sw)
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

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
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

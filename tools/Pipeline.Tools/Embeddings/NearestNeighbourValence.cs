using System.Numerics;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// Leave-one-out k-nearest-neighbour valence: the similarity- and weight-weighted mean target of a word's k most
/// cosine-similar rows (itself excluded). Rows are unit vectors, so the dot product is the cosine. Deterministic
/// (ties go to the lower row).
/// </summary>
internal static class NearestNeighbourValence
{
    public static double[] LeaveOneOut(IReadOnlyList<float[]> x, IReadOnlyList<double> y, IReadOnlyList<double> w, int k)
    {
        var n = x.Count;
        var d = x[0].Length;
        var flat = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            x[i].CopyTo(flat, i * d);
        }

        var predicted = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var best = new float[k];
            var bestRow = new int[k];
            Array.Fill(best, float.NegativeInfinity);
            var xi = flat.AsSpan(i * d, d);
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var s = Dot(xi, flat.AsSpan(j * d, d));
                if (s <= best[k - 1])
                {
                    continue;
                }

                var p = k - 1;
                while (p > 0 && best[p - 1] < s)
                {
                    best[p] = best[p - 1];
                    bestRow[p] = bestRow[p - 1];
                    p--;
                }

                best[p] = s;
                bestRow[p] = j;
            }

            double num = 0, den = 0;
            for (var m = 0; m < k; m++)
            {
                var weight = w[bestRow[m]] * Math.Max(best[m], 0);
                num += weight * y[bestRow[m]];
                den += weight;
            }

            predicted[i] = den > 0 ? num / den : 0;
        });

        return predicted;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }
}

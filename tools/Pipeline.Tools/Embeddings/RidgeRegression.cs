namespace Pipeline.Tools.Embeddings;

/// <summary>
/// Weighted ridge regression with an unpenalized intercept, solved in closed form (normal equations, Cholesky):
/// small dimension (100), a few tens of thousands of rows, deterministic.
/// </summary>
internal static class RidgeRegression
{
    /// <summary>Returns d + 1 coefficients (the last is the intercept) for rows x[i] (length d), targets y, weights w.</summary>
    public static double[] Fit(IReadOnlyList<float[]> x, IReadOnlyList<double> y, IReadOnlyList<double> w, double lambda)
    {
        var d = x[0].Length + 1;
        var a = new double[d, d];
        var b = new double[d];
        var row = new double[d];
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = 0; j < d - 1; j++)
            {
                row[j] = x[i][j];
            }

            row[d - 1] = 1;
            for (var j = 0; j < d; j++)
            {
                var wj = w[i] * row[j];
                b[j] += wj * y[i];
                for (var k = 0; k <= j; k++)
                {
                    a[j, k] += wj * row[k];
                }
            }
        }

        for (var j = 0; j < d; j++)
        {
            for (var k = 0; k < j; k++)
            {
                a[k, j] = a[j, k];
            }

            a[j, j] += j < d - 1 ? lambda : 1e-9;
        }

        return Solve(a, b);
    }

    public static double Predict(double[] beta, ReadOnlySpan<float> x)
    {
        var sum = beta[^1];
        for (var j = 0; j < x.Length; j++)
        {
            sum += beta[j] * x[j];
        }

        return sum;
    }

    // Cholesky decomposition of the symmetric positive-definite system a·β = b.
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * z[k];
            }

            z[i] = sum / l[i, i];
        }

        var beta = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * beta[k];
            }

            beta[i] = sum / l[i, i];
        }

        return beta;
    }
}

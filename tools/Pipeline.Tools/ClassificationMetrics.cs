namespace Pipeline.Tools;

/// <summary>Accuracy, macro-F1 (3 classes) and Pearson correlation.</summary>
internal static class ClassificationMetrics
{
    public static double Accuracy(IReadOnlyList<int> gold, IReadOnlyList<int> predicted) =>
        gold.Count == 0 ? 0 : gold.Where((g, i) => g == predicted[i]).Count() / (double)gold.Count;

    public static double MacroF1(IReadOnlyList<int> gold, IReadOnlyList<int> predicted, int classes = 3)
    {
        double sum = 0;
        for (var c = 0; c < classes; c++)
        {
            var tp = 0;
            var fp = 0;
            var fn = 0;
            for (var i = 0; i < gold.Count; i++)
            {
                if (predicted[i] == c && gold[i] == c)
                {
                    tp++;
                }
                else if (predicted[i] == c)
                {
                    fp++;
                }
                else if (gold[i] == c)
                {
                    fn++;
                }
            }

            sum += tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        }

        return sum / classes;
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    public static string Percent(double value) => (value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Fixed3(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}

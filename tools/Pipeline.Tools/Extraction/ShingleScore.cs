using System.Text;

namespace Pipeline.Tools.Extraction;

/// <summary>
/// The readability-set metric of ../shared/data/eval/extraction/README.md (as its score.py computes it): \w+ tokens
/// (letters, numbers, '_', per code point as Python's re does), 4-token shingles counted as a bag, per-page tp/fp/fn
/// normalised to sum 1, precision and recall averaged over pages, F1 the harmonic mean of the two averages.
/// </summary>
internal sealed class ShingleScore
{
    private const int N = 4;
    private readonly List<double> _precisions = [];
    private readonly List<double> _recalls = [];

    public int Pages { get; private set; }

    public double Precision => Mean(_precisions);
    public double Recall => Mean(_recalls);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds one page; returns its (precision, recall), NaN where the page is left out of that mean.</summary>
    public (double Precision, double Recall) Add(string expected, string? predicted)
    {
        Pages++;
        var (tp, fp, fn) = Counts(expected, predicted ?? "");
        var precision = double.NaN;
        var recall = double.NaN;
        if (tp + fp > 0)
        {
            precision = fp == 0 && fn == 0 ? 1 : tp / (tp + fp);
            _precisions.Add(precision);
        }

        if (tp + fn > 0)
        {
            recall = fp == 0 && fn == 0 ? 1 : tp / (tp + fn);
            _recalls.Add(recall);
        }

        return (precision, recall);
    }

    private static (double Tp, double Fp, double Fn) Counts(string expected, string predicted)
    {
        var truth = Shingles(expected);
        var guess = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in truth.Keys.Union(guess.Keys))
        {
            var t = truth.GetValueOrDefault(key);
            var p = guess.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }

        var sum = tp + fp + fn;
        return sum > 0 ? (tp / sum, fp / sum, fn / sum) : (0, 0, 0);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, tokens.Count - N + 1); i++)
        {
            var shingle = string.Join('\u0001', tokens.Skip(i).Take(N));
            if (shingle.Length > 0)
            {
                bag[shingle] = bag.GetValueOrDefault(shingle) + 1;
            }
        }

        return bag;
    }

    /// <summary>Python's re.findall(r"\w+", text): runs of code points that are letters, numbers or '_'.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune) || rune.Value == '_')
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static double Mean(List<double> values) => values.Count == 0 ? 0 : values.Average();
}

using System.Text;

namespace Pipeline.Tools.Extraction;

/// <summary>
/// The snippets-set metric (trafilatura's tests/eval_common.py, as ../shared/data/eval/extraction/score.py computes
/// it): whitespace-normalised, case-sensitive substring tests, counts summed over all pages.
/// </summary>
internal sealed class SnippetScore
{
    private int _tp;
    private int _fp;
    private int _fn;
    private int _tn;

    public int Pages { get; private set; }

    public double With => Ratio(_tp, _tp + _fn);
    public double Without => Ratio(_tn, _tn + _fp);
    public double Precision => Ratio(_tp, _tp + _fp);
    public double Accuracy => Ratio(_tp + _tn, _tp + _fp + _fn + _tn);
    public double F1 => Ratio(2 * _tp, 2 * _tp + _fp + _fn);

    /// <summary>Adds one page; returns the snippets that were missed and the boilerplate that was kept.</summary>
    public (List<string> Missed, List<string> Kept) Add(IReadOnlyList<string> with, IReadOnlyList<string> without, string? predicted)
    {
        Pages++;
        var text = string.IsNullOrEmpty(predicted) ? null : Normalize(predicted);
        var missed = with.Where(w => text is null || !text.Contains(Normalize(w), StringComparison.Ordinal)).ToList();
        var kept = without.Where(w => text is not null && text.Contains(Normalize(w), StringComparison.Ordinal)).ToList();
        _tp += with.Count - missed.Count;
        _fn += missed.Count;
        _fp += kept.Count;
        _tn += without.Count - kept.Count;
        return (missed, kept);
    }

    /// <summary>Python's re.sub(r"\s+", " ", s).strip(): str.isspace() is .NET's white space plus U+001C–U+001F.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

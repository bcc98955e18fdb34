using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>
/// Pearson r of sentence polarity on four article quarters (article id mod 4) of a vader-nyt file: a change that
/// generalises should move most quarters the same way, not only the total.
/// </summary>
internal static class SentenceQuarterEvaluation
{
    /// <summary>"q0=r q1=r q2=r q3=r", or "" when the rows carry no article ids.</summary>
    public static string Describe(IReadOnlyList<SentimentExample> rows, SentimentAnalyzer analyzer)
    {
        if (rows.Count == 0 || rows.Any(r => r.Article < 0))
        {
            return "";
        }

        return string.Join(' ', Enumerable.Range(0, 4).Select(q =>
        {
            var quarter = rows.Where(r => r.Article % 4 == q).ToList();
            var polarity = quarter.Select(r => analyzer.ScoreSentence(r.Text, 0, r.Text.Length).Polarity).ToList();
            return $"q{q}=" + ClassificationMetrics.Pearson(polarity, quarter.Select(r => r.Score).ToList()).ToString("F3", CultureInfo.InvariantCulture);
        }));
    }
}

using System.Globalization;
using System.Text.Json;
using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>
/// Pearson r of sentence polarity on four article quarters (article id mod 4) of a vader-nyt file: a change that
/// generalises should move most quarters the same way, not only the total.
/// </summary>
internal static class SentenceQuarterEvaluation
{
    public static string Describe(string file, SentimentAnalyzer analyzer)
    {
        var polarity = new List<double>[4];
        var gold = new List<double>[4];
        for (var q = 0; q < 4; q++)
        {
            polarity[q] = [];
            gold[q] = [];
        }

        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("article", out var article) || !root.TryGetProperty("scoreNorm", out var score))
            {
                return "";
            }

            var text = root.GetProperty("text").GetString() ?? "";
            var q = article.GetInt32() % 4;
            polarity[q].Add(analyzer.ScoreSentence(text, 0, text.Length).Polarity);
            gold[q].Add(score.GetDouble());
        }

        return string.Join(' ', Enumerable.Range(0, 4).Select(q =>
            $"q{q}=" + ClassificationMetrics.Pearson(polarity[q], gold[q]).ToString("F3", CultureInfo.InvariantCulture)));
    }
}

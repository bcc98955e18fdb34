using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// The service returns key phrases ranked but unscored. Within a document the phrase at rank i of n scores
/// (n - i) / n, in (0, 1]; across chunks a phrase's score is the sum of its chunk scores weighted by each chunk's
/// share of the article, so a one-chunk article keeps the plain rank scores. Phrases merge case-insensitively.
/// </summary>
internal static class KeyPhraseRanker
{
    public static IReadOnlyList<KeyPhrase> Merge(IReadOnlyList<(int ChunkLength, IReadOnlyList<string> Phrases)> chunks)
    {
        double total = chunks.Sum(c => c.ChunkLength);
        var scores = new Dictionary<string, (string Text, double Score, int Order)>(StringComparer.OrdinalIgnoreCase);
        var order = 0;
        foreach (var (length, phrases) in chunks)
        {
            var weight = total > 0 ? length / total : 1.0 / chunks.Count;
            var distinct = phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            for (var i = 0; i < distinct.Count; i++)
            {
                var score = weight * (distinct.Count - i) / distinct.Count;
                scores[distinct[i]] = scores.TryGetValue(distinct[i], out var existing)
                    ? (existing.Text, existing.Score + score, existing.Order)
                    : (distinct[i], score, order++);
            }
        }

        return scores.Values
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Order)
            .Select(x => new KeyPhrase(x.Text, Math.Min(1.0, x.Score)))
            .ToList();
    }
}

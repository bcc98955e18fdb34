using System.Globalization;
using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>
/// Adapts lexicon valences to news from labelled sentences: a word's valence moves toward the (shrunk) mean
/// label of the training sentences that contain it. "party" or "united" are positive in VADER and neutral in
/// political news; the rules (negation, boosters) then apply to the adapted valence.
/// </summary>
internal sealed record NewsValenceAdapter(float Blend = 0.5f, float Scale = 5f, float Shrinkage = 10f, int MinCount = 3)
{
    /// <param name="train">Labelled sentences.</param>
    /// <param name="lexicon">Lexicon whose words are adapted (default: VADER without news valences).</param>
    public SortedDictionary<string, float> Learn(IReadOnlyList<SentimentExample> train, VaderLexicon? lexicon = null)
    {
        lexicon ??= VaderLexicon.LoadBase();
        var sentences = train.GroupBy(e => e.Text, StringComparer.Ordinal)
            .Select(g => (Text: g.Key, Score: g.Average(e => e.Label - 1.0)))
            .ToList();
        var globalMean = sentences.Average(s => s.Score);
        var stats = new Dictionary<string, (int Count, double Sum, float Valence)>(StringComparer.Ordinal);
        var ws = SentimentWorkspace.Current;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, score) in sentences)
        {
            SentenceTokenizer.Tokenize(text, lexicon, ws);
            seen.Clear();
            for (var i = 0; i < ws.Count; i++)
            {
                var token = ws.Tokens[i];
                if (!token.Is(WordFlags.InLexicon))
                {
                    continue;
                }

                var word = new string(ws.Lower.AsSpan(token.Start, token.Length));
                if (seen.Add(word))
                {
                    stats.TryGetValue(word, out var s);
                    stats[word] = (s.Count + 1, s.Sum + score, token.Info.Valence);
                }
            }
        }

        var overrides = new SortedDictionary<string, float>(StringComparer.Ordinal);
        foreach (var (word, (count, sum, valence)) in stats)
        {
            if (count < MinCount)
            {
                continue;
            }

            var deviation = count * ((sum / count) - globalMean) / (count + Shrinkage);
            var adapted = ((1 - Blend) * valence) + (Blend * Scale * deviation);
            overrides[word] = (float)Math.Round(Math.Clamp(adapted, -4, 4), 2);
        }

        return overrides;
    }

    public static void Write(IReadOnlyDictionary<string, float> overrides, string path)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        foreach (var (word, valence) in overrides)
        {
            writer.WriteLine(word + "\t" + valence.ToString("0.##", CultureInfo.InvariantCulture));
        }
    }
}

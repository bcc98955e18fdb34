using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Coreference;

/// <summary>
/// Document-level consistency for people: once an article has named "Maria Delgado", every later capitalised
/// "Delgado" is her, even where the tagger missed it ("Delgado thanked volunteers", "an inquiry into Delgado").
/// Only surnames that belong to exactly one person of the article are propagated.
/// </summary>
public static class SurnameMentions
{
    /// <summary>Confidence given to a mention found by propagation rather than by the tagger.</summary>
    public const double PropagatedConfidence = 0.6;

    public static List<EntityCluster> Propagate(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<TextSpan> sentenceTokens, List<EntityCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentenceTokens);
        ArgumentNullException.ThrowIfNull(clusters);

        // Case-insensitive: "TRUMP" in an all-caps headline is Trump too.
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < clusters.Count; c++)
        {
            if (clusters[c].Category == EntityCategories.Person && LastName(clusters[c]) is { } surname)
            {
                // A surname shared by two people of the article (Bill and Hillary Clinton) is ambiguous: skip it.
                owners[surname] = owners.ContainsKey(surname) ? -1 : c;
            }
        }

        var anyOwner = false;
        foreach (var owner in owners.Values)
        {
            anyOwner |= owner >= 0;
        }

        if (!anyOwner)
        {
            return clusters;
        }

        var covered = new bool[tokens.Count];
        foreach (var cluster in clusters)
        {
            foreach (var mention in cluster.Mentions)
            {
                for (var t = mention.FirstToken; t < mention.EndToken && t < covered.Length; t++)
                {
                    covered[t] = true;
                }
            }
        }

        var all = TextSpans.AsSpan(tokens);

        // Capitalised tokens are looked up as spans: no string per token.
        var ownersBySpan = owners.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = new Dictionary<int, List<DetectedMention>>();
        var sentence = 0;
        for (var t = 0; t < all.Length; t++)
        {
            var token = all[t];
            if (covered[t] || token.Length < 2 || !char.IsUpper(text[token.Start]))
            {
                continue;
            }

            if (ownersBySpan.TryGetValue(text.AsSpan(token.Start, token.Length), out var owner) && owner >= 0)
            {
                // The sentence is only needed for a new mention: advanced here, to the same index as token by token.
                while (sentence < sentenceTokens.Count - 1 && t >= sentenceTokens[sentence].End)
                {
                    sentence++;
                }

                if (!added.TryGetValue(owner, out var mentions))
                {
                    added[owner] = mentions = [];
                }

                mentions.Add(new DetectedMention(token.Start, token.Length, EntityCategories.Person, null, PropagatedConfidence, sentence, t, t + 1));
            }
        }

        if (added.Count == 0)
        {
            return clusters;
        }

        var result = new List<EntityCluster>(clusters.Count);
        for (var c = 0; c < clusters.Count; c++)
        {
            result.Add(added.TryGetValue(c, out var extra) ? clusters[c] with { Mentions = Merge(clusters[c].Mentions, extra) } : clusters[c]);
        }

        return result;
    }

    /// <summary>Two lists in text order as one (a stable sort of their concatenation: on equal starts the first list's mention first).</summary>
    private static List<DetectedMention> Merge(IReadOnlyList<DetectedMention> first, List<DetectedMention> second)
    {
        for (var k = 1; k < first.Count; k++)
        {
            if (first[k].Start < first[k - 1].Start)
            {
                // Not in text order (not built by NameCoreference): sort the concatenation instead.
                return first.Concat(second).OrderBy(m => m.Start).ToList();
            }
        }

        var merged = new List<DetectedMention>(first.Count + second.Count);
        int a = 0, b = 0;
        while (a < first.Count || b < second.Count)
        {
            merged.Add(b >= second.Count || (a < first.Count && first[a].Start <= second[b].Start) ? first[a++] : second[b++]);
        }

        return merged;
    }

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV" };

    /// <summary>
    /// The surname to propagate: a full name's last word, or a one-word name the tagger found at least twice
    /// (an article that only ever says "Trump" still means him in "a Trump presidency").
    /// </summary>
    private static string? LastName(EntityCluster person)
    {
        var words = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            return person.Mentions.Count >= 2 && words[0].Length >= 3 && char.IsUpper(words[0][0]) ? words[0] : null;
        }

        var last = words.Length;
        while (last > 0 && Suffixes.Contains(words[last - 1]))
        {
            last--;
        }

        return last >= 2 && words[last - 1].Length >= 2 ? words[last - 1] : null;
    }
}

namespace Pipeline.Analysis.Local.KeyPhrases;

/// <summary>
/// Merges a phrase into a longer phrase that contains it: a name into the fuller name it shortens
/// ("Sanders" into "Bernie Sanders"), a common phrase when it occurs mostly inside longer ones.
/// </summary>
internal static class SubPhraseMerger
{
    /// <param name="candidates">The document's candidates.</param>
    /// <param name="wordCount">How many distinct words (numbers 0 to wordCount - 1) their keys use.</param>
    public static void Merge(List<PhraseCandidate> candidates, int wordCount)
    {
        // Longer phrases that contain each word, to avoid comparing every pair.
        var byWord = new List<PhraseCandidate>?[wordCount];
        foreach (var c in candidates)
        {
            if (c.Words.Length < 2)
            {
                continue;
            }

            foreach (var w in c.Words)
            {
                var list = byWord[w] ??= [];

                // A word repeated within one phrase lists the phrase once.
                if (list.Count == 0 || !ReferenceEquals(list[^1], c))
                {
                    list.Add(c);
                }
            }
        }

        // Shortest first so chains fold all the way up ("Sanders" -> "Bernie Sanders"); ties in text order.
        var order = candidates.FindAll(c => c.Words.Length < PhraseChunker.MaxPhraseWords);
        order.Sort(static (a, b) => a.Words.Length != b.Words.Length
            ? a.Words.Length.CompareTo(b.Words.Length)
            : a.FirstOffset.CompareTo(b.FirstOffset));
        foreach (var a in order)
        {
            if (byWord[a.Words[0]] is not { } holders)
            {
                continue;
            }

            var isName = a.ProperWeight * 2 > a.Count;
            PhraseCandidate? target = null;
            double containing = 0;
            foreach (var b in holders)
            {
                if (b.MergedInto is not null || b.Words.Length <= a.Words.Length || !Contains(b.Words, a.Words))
                {
                    continue;
                }

                // A name merges only into a longer name: "Iowa" stays apart from "Iowa voters".
                if (isName && b.ProperWeight * 2 <= b.Count)
                {
                    continue;
                }

                containing += b.Count;
                if (target is null || b.Count > target.Count || (b.Count == target.Count && b.FirstOffset < target.FirstOffset))
                {
                    target = b;
                }
            }

            if (target is not null && (isName || containing >= a.Count))
            {
                a.MergeInto(target);
            }
        }
    }

    private static bool Contains(int[] longer, int[] shorter)
    {
        for (var i = 0; i + shorter.Length <= longer.Length; i++)
        {
            if (longer.AsSpan(i, shorter.Length).SequenceEqual(shorter))
            {
                return true;
            }
        }

        return false;
    }
}

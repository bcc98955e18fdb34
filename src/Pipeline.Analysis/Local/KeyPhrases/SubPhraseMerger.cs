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
        // Longer phrases that contain each word, to avoid comparing every pair: word w's phrases are
        // holders[starts[w]..starts[w + 1]], in candidate order (two passes: count, then fill; no list per word).
        var starts = new int[wordCount + 1];
        var last = new int[wordCount];
        Array.Fill(last, -1);
        for (var ci = 0; ci < candidates.Count; ci++)
        {
            var words = candidates[ci].Words;
            if (words.Length < 2)
            {
                continue;
            }

            foreach (var w in words)
            {
                // A word repeated within one phrase lists the phrase once.
                if (last[w] != ci)
                {
                    last[w] = ci;
                    starts[w + 1]++;
                }
            }
        }

        for (var w = 0; w < wordCount; w++)
        {
            starts[w + 1] += starts[w];
        }

        var holders = new PhraseCandidate[starts[wordCount]];
        var next = last; // reused as each word's fill position
        starts.AsSpan(0, wordCount).CopyTo(next);
        for (var ci = 0; ci < candidates.Count; ci++)
        {
            var c = candidates[ci];
            if (c.Words.Length < 2)
            {
                continue;
            }

            foreach (var w in c.Words)
            {
                if (next[w] == starts[w] || !ReferenceEquals(holders[next[w] - 1], c))
                {
                    holders[next[w]++] = c;
                }
            }
        }

        // Shortest first so chains fold all the way up ("Sanders" -> "Bernie Sanders"); ties in text order.
        foreach (var a in ShortestFirst(candidates))
        {
            var first = a.Words[0];
            if (starts[first] == starts[first + 1])
            {
                continue;
            }

            var isName = a.ProperWeight * 2 > a.Count;
            PhraseCandidate? target = null;
            double containing = 0;
            foreach (var b in holders.AsSpan(starts[first], starts[first + 1] - starts[first]))
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

    /// <summary>
    /// Candidates shorter than the longest phrases, by word count, then by first offset: bucketed by length when the list
    /// is in text order (as the extractor builds it: each candidate is added at its first occurrence), else sorted.
    /// </summary>
    private static List<PhraseCandidate> ShortestFirst(List<PhraseCandidate> candidates)
    {
        var inTextOrder = true;
        for (var k = 1; k < candidates.Count && inTextOrder; k++)
        {
            inTextOrder = candidates[k - 1].FirstOffset < candidates[k].FirstOffset;
        }

        if (!inTextOrder)
        {
            var sorted = candidates.FindAll(c => c.Words.Length < PhraseChunker.MaxPhraseWords);
            sorted.Sort(static (a, b) => a.Words.Length != b.Words.Length
                ? a.Words.Length.CompareTo(b.Words.Length)
                : a.FirstOffset.CompareTo(b.FirstOffset));
            return sorted;
        }

        var order = new List<PhraseCandidate>(candidates.Count);
        for (var length = 1; length < PhraseChunker.MaxPhraseWords; length++)
        {
            foreach (var c in candidates)
            {
                if (c.Words.Length == length)
                {
                    order.Add(c);
                }
            }
        }

        return order;
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

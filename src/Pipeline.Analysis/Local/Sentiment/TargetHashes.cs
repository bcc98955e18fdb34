namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Feature hashes of a sentence's tokens that are the same whichever of its targets is scored (the word with other
/// names masked, its unigram, negated-unigram, bigram-left, stem and clause-unigram features). A news sentence often
/// names two or three entities: each is scored with these instead of hashing every word again.
/// </summary>
internal sealed class TargetHashes
{
    /// <summary>False until filled for the workspace's current tokens (a new sentence or a lexicon swap clears it).</summary>
    public bool Valid { get; set; }

    public ulong[] Word { get; private set; } = new ulong[128];

    public ulong[] Unigram { get; private set; } = new ulong[128];

    public ulong[] NegatedUnigram { get; private set; } = new ulong[128];

    /// <summary>The bigram family combined with the word: a bigram with the next word is one more combination.</summary>
    public ulong[] BigramLeft { get; private set; } = new ulong[128];

    /// <summary>The stem feature (0 for words too short to have one).</summary>
    public ulong[] Stem { get; private set; } = new ulong[128];

    public ulong[] ClauseUnigram { get; private set; } = new ulong[128];

    public void EnsureCapacity(int tokens)
    {
        if (Word.Length >= tokens)
        {
            return;
        }

        var size = Math.Max(tokens, Word.Length * 2);
        Word = new ulong[size];
        Unigram = new ulong[size];
        NegatedUnigram = new ulong[size];
        BigramLeft = new ulong[size];
        Stem = new ulong[size];
        ClauseUnigram = new ulong[size];
    }
}

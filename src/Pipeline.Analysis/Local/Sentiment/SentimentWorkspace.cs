namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Per-thread scratch buffers for one sentence: lower-cased text, tokens and per-token valences.
/// Reused across calls so that scoring allocates nothing once the buffers have grown.
/// </summary>
internal sealed class SentimentWorkspace
{
    [ThreadStatic]
    private static SentimentWorkspace? current;

    private int count;
    private TargetNetScratch? targetNet;

    public char[] Lower { get; private set; } = new char[512];

    public Token[] Tokens { get; private set; } = new Token[128];

    public float[] Valences { get; private set; } = new float[128];

    /// <summary>Number of tokens; setting it (a new sentence) invalidates the cached word classes and hashes.</summary>
    public int Count
    {
        get => count;
        set
        {
            count = value;
            ClassesFrom = null;
            Hashes.Valid = false;
        }
    }

    /// <summary>Word classes of the tokens [ClassesStart, ClassesEnd), filled as the sentence's targets need them.</summary>
    public WordClass[] Classes { get; private set; } = new WordClass[128];

    /// <summary>The table <see cref="Classes"/> was filled from (null: nothing filled for this sentence).</summary>
    public WordClasses? ClassesFrom { get; set; }

    public int ClassesStart { get; set; }

    public int ClassesEnd { get; set; }

    public int Exclamations { get; set; }

    public int Questions { get; set; }

    public int AllCapsCount { get; set; }

    public FeatureVector Features { get; } = new();

    /// <summary>Buffers of the target networks (created on first use).</summary>
    public TargetNetScratch TargetNet => targetNet ??= new TargetNetScratch();

    /// <summary>The sentence's target-independent feature hashes, filled by the first target scored.</summary>
    public TargetHashes Hashes { get; } = new();

    /// <summary>
    /// False when the tokens came from a <see cref="LexiconPair"/> whose second lexicon would have cut a token
    /// differently (VADER's whole-token emoticon rule): the sentence must then be tokenized again for it.
    /// </summary>
    public bool OtherInfoValid { get; set; }

    /// <summary>Makes the second lexicon's word information current (and the first the other), without tokenizing again.</summary>
    public void SwapLexicons()
    {
        foreach (ref var token in Tokens.AsSpan(0, count))
        {
            (token.Info, token.OtherInfo) = (token.OtherInfo, token.Info);
        }

        Count = count;
    }

    public static SentimentWorkspace Current => current ??= new SentimentWorkspace();

    public void EnsureCapacity(int chars)
    {
        if (Lower.Length < chars)
        {
            Lower = new char[Math.Max(chars, Lower.Length * 2)];
        }

        // A sentence has at most one token per two characters (word + space), plus one.
        var maxTokens = (chars / 2) + 1;
        if (Tokens.Length < maxTokens)
        {
            var size = Math.Max(maxTokens, Tokens.Length * 2);
            Tokens = new Token[size];
            Valences = new float[size];
            Classes = new WordClass[size];
        }
    }
}

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// What the target network reads of a sentence: one row of word inputs per token (the word's projected vector and
/// what the lexicon and VADER's rules say of it), filled once per sentence, and the target-relative inputs of each token
/// (in the target, another target, a capitalized name, side and distance), enumerated per target.
/// </summary>
internal sealed class TargetNetInput
{
    /// <summary>Word inputs per token: vector dimensions, then <see cref="WordFlagsCount"/> flags and values.</summary>
    public const int WordFlagsCount = 9;

    /// <summary>Target-relative inputs: in target, other name, other target, left and right distance buckets, 1 / (1 + distance).</summary>
    public const int RelativeCount = 3 + (2 * DistanceBuckets) + 1;

    private const int DistanceBuckets = 6;

    // Upper bound (in words) of each distance bucket: 1, 2, 3, 4-6, 7-10, 11+.
    private static ReadOnlySpan<int> BucketLimits => [1, 2, 3, 6, 10, int.MaxValue];

    public TargetNetInput(int vectorDimensions)
    {
        VectorDimensions = vectorDimensions;
        WordDimensions = vectorDimensions + 1 + WordFlagsCount;
    }

    public int VectorDimensions { get; }

    /// <summary>Word inputs per token (the vector, a no-vector flag, then the flags).</summary>
    public int WordDimensions { get; }

    /// <summary>All inputs per token: the word inputs, then the target-relative ones.</summary>
    public int Dimensions => WordDimensions + RelativeCount;

    public int Tokens { get; private set; }

    public float[] Words { get; private set; } = [];

    /// <summary>Per token: the word's row in the word-class table, or -1 when it has no vector.</summary>
    public int[] Rows { get; private set; } = [];

    /// <summary>Per token: capitalized and not the sentence's first word (a name, unless it is the target).</summary>
    public bool[] Capitalized { get; private set; } = [];

    /// <summary>Per token: inside one of the sentence's targets.</summary>
    public bool[] InAnyTarget { get; private set; } = [];

    /// <summary>
    /// Fills the word inputs from a workspace the target lexicon tokenized and VADER scored. Without
    /// <paramref name="vectors"/> the vector inputs stay 0 and only <see cref="Rows"/> says which vector a word has
    /// (inference takes a word's vector share from a per-word cache).
    /// </summary>
    public void Encode(SentimentWorkspace ws, WordClasses classes, bool vectors = true)
    {
        var n = ws.Count;
        Tokens = n;
        var d = WordDimensions;
        if (Words.Length < n * d)
        {
            Words = new float[Math.Max(n * d, Words.Length * 2)];
            Capitalized = new bool[Math.Max(n, Capitalized.Length * 2)];
            InAnyTarget = new bool[Capitalized.Length];
            Rows = new int[Capitalized.Length];
        }

        var words = Words.AsSpan(0, n * d);
        if (vectors)
        {
            words.Clear();
        }

        InAnyTarget.AsSpan(0, n).Clear();
        var tokens = ws.Tokens.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            var row = words.Slice(i * d, d);
            ref readonly var t = ref tokens[i];
            Rows[i] = -1;
            if (classes.TryGet(t.Hash, out var wc) && classes.Vector(wc) is { Length: > 0 } vector && vector.Length == VectorDimensions)
            {
                Rows[i] = wc.Row;
                for (var k = 0; vectors && k < vector.Length; k++)
                {
                    row[k] = vector[k] / WordClasses.VectorScale;
                }
            }

            // Every input from here on is written, so that without vectors nothing needs clearing.
            row[VectorDimensions] = Rows[i] < 0 ? 1 : 0;

            var f = VectorDimensions + 1;
            row[f++] = t.Is(WordFlags.InLexicon) ? t.Info.Valence / 4 : 0;
            row[f++] = ws.Valences[i] / 4;
            row[f++] = t.IsNegated ? 1 : 0;
            row[f++] = t.Info.Booster;
            row[f++] = t.Has(TokenFlags.ClauseEnd) ? 1 : 0;
            row[f++] = t.Has(TokenFlags.QuoteBefore) ? 1 : 0;
            row[f++] = t.Has(TokenFlags.QuoteAfter) ? 1 : 0;
            row[f++] = t.Has(TokenFlags.AllCaps) ? 1 : 0;
            row[f] = t.Has(TokenFlags.StopAfter) ? 1 : 0;
            Capitalized[i] = i > 0 && t.Has(TokenFlags.Capitalized);
        }
    }

    /// <summary>Marks the tokens [from, to) as one of the sentence's targets (call for every target before scoring any).</summary>
    public void MarkTarget(int from, int to) => InAnyTarget.AsSpan(from, to - from).Fill(true);

    /// <summary>Relative input: the token is in the target.</summary>
    public const int InTargetIndex = 0;

    /// <summary>Relative input: a capitalized word outside the target (another name, most often).</summary>
    public const int NameIndex = 1;

    /// <summary>Relative input: in another target of the sentence.</summary>
    public const int OtherTargetIndex = 2;

    /// <summary>Relative input: 1 / (1 + distance to the target in words).</summary>
    public const int DistanceIndex = RelativeCount - 1;

    /// <summary>Relative input of the distance bucket of a word <paramref name="distance"/> words left or right of the target.</summary>
    public static int BucketIndex(bool left, int distance)
    {
        var bucket = 0;
        while (distance > BucketLimits[bucket])
        {
            bucket++;
        }

        return 3 + (left ? 0 : DistanceBuckets) + bucket;
    }

    /// <summary>
    /// The non-zero target-relative inputs of token <paramref name="i"/> for the target [from, to), as (index from
    /// 0 to <see cref="RelativeCount"/>, value) pairs; returns how many were written (at most 4).
    /// </summary>
    public int Relative(int i, int from, int to, Span<(int Index, float Value)> into)
    {
        if (i >= from && i < to)
        {
            into[0] = (InTargetIndex, 1);
            return 1;
        }

        var count = 0;
        if (Capitalized[i])
        {
            into[count++] = (NameIndex, 1);
        }

        if (InAnyTarget[i])
        {
            into[count++] = (OtherTargetIndex, 1);
        }

        var left = i < from;
        var distance = left ? from - i : i - to + 1;
        into[count++] = (BucketIndex(left, distance), 1);
        into[count++] = (DistanceIndex, 1f / (1 + distance));
        return count;
    }
}

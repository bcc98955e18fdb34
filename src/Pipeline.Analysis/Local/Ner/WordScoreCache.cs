namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Per-thread memo of everything the tagger derives from a word type alone: its hashes, shape, case class and cue
/// kind, word classes, the summed weights of its intrinsic features (word, affixes, shapes, case, classes) and of
/// the context features it contributes to its neighbours (as the word one or two before or after); also, lazily, its rows per
/// previous tag, and the pair features of adjacent words. News text repeats its words, so most tokens cost a few
/// probes here instead of ~40 rows scattered over the weight table.
/// </summary>
/// <remarks>
/// Keyed by the 64-bit hash of the exact token (the <c>TRaw</c> feature's value). Scores are deterministic whether a
/// word is cached or not: a miss computes the same sums a hit returns. Cleared wholesale (by generation) between
/// sentences once half full, so entries never move while a sentence uses them. About 12 MB per thread.
/// </remarks>
internal sealed class WordScoreCache
{
    /// <summary>Longest sentence (in tokens) the cache serves; longer ones take the uncached path.</summary>
    public const int MaxSentence = Capacity / 4;

    /// <summary>Floats per entry: intrinsic, as previous, as next, as second previous, as second next (9 each), padded.</summary>
    public const int Stride = 48;

    public const int Intrinsic = 0;
    public const int AsPrev1 = NerTags.Count;
    public const int AsNext1 = 2 * NerTags.Count;
    public const int AsPrev2 = 3 * NerTags.Count;
    public const int AsNext2 = 4 * NerTags.Count;

    private const int Capacity = 1 << 14;

    /// <summary>Direct-mapped slots for adjacent word pairs.</summary>
    private const int AdjacentSlots = 1 << 15;

    private readonly ulong[] _keys = new ulong[Capacity];
    private readonly int[] _generations = new int[Capacity];
    private readonly float[] _scores = new float[Capacity * Stride];
    private readonly float[] _boundary = new float[Stride];

    /// <summary>Per entry, the rows for each previous tag (computed on first use: <see cref="_tagDone"/> bits).</summary>
    private readonly float[] _tagScores = new float[Capacity * NerTags.Count * NerTags.Count];
    private readonly ushort[] _tagDone = new ushort[Capacity];
    private readonly float[] _pairs = new float[NerTags.Count * NerTags.Count * NerTags.Count];
    private readonly long[] _adjacentKeys = new long[AdjacentSlots];
    private readonly float[] _adjacentScores = new float[AdjacentSlots * 2 * NerTags.Count];
    private int _generation = 1;
    private int _count;

    public WordScoreCache(NerModel model)
    {
        Model = model;
        ScoreContext(NerFeatureExtractor.BoundaryWord, 0, _boundary);
        Span<ulong> features = stackalloc ulong[2];
        for (var prev = 0; prev < NerTags.Count; prev++)
        {
            for (var prev2 = 0; prev2 < NerTags.Count; prev2++)
            {
                NerFeatureExtractor.DynamicTags(prev, prev2, features);
                model.Score(features, _pairs.AsSpan(((prev * NerTags.Count) + prev2) * NerTags.Count, NerTags.Count));
            }
        }
    }

    public NerModel Model { get; }

    /// <summary>Word properties by entry.</summary>
    public WordProperties[] Words { get; } = new WordProperties[Capacity];

    /// <summary>Scores by entry (<see cref="Stride"/> floats each).</summary>
    public ReadOnlySpan<float> Scores => _scores;

    /// <summary>The context contributions of the sentence boundary (no word there), at the same offsets.</summary>
    public ReadOnlySpan<float> Boundary => _boundary;

    /// <summary>Makes room for a sentence of <paramref name="tokens"/> tokens (at most <see cref="MaxSentence"/>).</summary>
    public void BeginSentence(int tokens)
    {
        if (_count + tokens > Capacity / 2)
        {
            _generation++;
            _count = 0;
        }
    }

    /// <summary>The entry of a word, computed on first sight.</summary>
    public int Entry(ReadOnlySpan<char> word, ulong raw)
    {
        var mask = Capacity - 1;
        var slot = (int)(raw ^ (raw >> 32)) & mask;
        while (_generations[slot] == _generation)
        {
            if (_keys[slot] == raw)
            {
                return slot;
            }

            slot = (slot + 1) & mask;
        }

        _generations[slot] = _generation;
        _keys[slot] = raw;
        _tagDone[slot] = 0;
        _count++;
        var properties = WordProperties.Of(word, raw);
        Words[slot] = properties;
        var scores = _scores.AsSpan(slot * Stride, Stride);
        scores.Clear();
        Span<ulong> features = stackalloc ulong[NerFeatureExtractor.IntrinsicCount];
        var k = NerFeatureExtractor.WriteIntrinsic(word, properties, features);
        Model.Score(features[..k], scores.Slice(Intrinsic, NerTags.Count));
        ScoreContext(properties.Lower, properties.Clusters, scores);
        return slot;
    }

    /// <summary>Scores of the two previous-tags features (the same for every token), for (prev, prev2).</summary>
    public ReadOnlySpan<float> Pair(int prev, int prev2) => _pairs.AsSpan(((prev * NerTags.Count) + prev2) * NerTags.Count, NerTags.Count);

    /// <summary>The <see cref="Pair"/> rows of every (prev, prev2), row ((prev × 9) + prev2) × 9.</summary>
    public ReadOnlySpan<float> Pairs => _pairs;

    /// <summary>
    /// <see cref="TagWord"/> as a reference to the row's first score (the beam's inner loop): computed on first use.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ref float TagWordRow(int entry, int prev)
    {
        if ((_tagDone[entry] & (1 << prev)) == 0)
        {
            TagWord(entry, prev);
        }

        return ref _tagScores[((entry * NerTags.Count) + prev) * NerTags.Count];
    }

    /// <summary>
    /// Scores of the previous-tag × word and previous-tag × shape features (what <see cref="NerFeatureExtractor.DynamicWord"/>
    /// gives) for a word entry of the current sentence, summed as <see cref="NerModel.Score"/> sums them.
    /// </summary>
    public ReadOnlySpan<float> TagWord(int entry, int prev)
    {
        var scores = _tagScores.AsSpan(((entry * NerTags.Count) + prev) * NerTags.Count, NerTags.Count);
        var bit = (ushort)(1 << prev);
        if ((_tagDone[entry] & bit) == 0)
        {
            _tagDone[entry] |= bit;
            scores.Clear();
            Span<ulong> features = stackalloc ulong[2];
            ref readonly var word = ref Words[entry];
            NerFeatureExtractor.TagWordFeatures(prev, word.Lower, word.Shape, features);
            Model.Score(features, scores);
        }

        return scores;
    }

    /// <summary>
    /// For two adjacent words of the current sentence (entries): the scores of their pair features for the left word,
    /// then for the right one (<see cref="NerFeatureExtractor.AdjacentFeatures"/>), 9 each.
    /// </summary>
    public ReadOnlySpan<float> Adjacent(int left, int right)
    {
        var key = ((long)_generation << 28) | ((long)left << 14) | (uint)right;
        var slot = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 49) & (AdjacentSlots - 1);
        var scores = _adjacentScores.AsSpan(slot * 2 * NerTags.Count, 2 * NerTags.Count);
        if (_adjacentKeys[slot] != key)
        {
            _adjacentKeys[slot] = key;
            scores.Clear();
            Span<ulong> leftFeatures = stackalloc ulong[3];
            Span<ulong> rightFeatures = stackalloc ulong[4];
            var (l, r) = NerFeatureExtractor.AdjacentFeatures(Words[left], Words[right], leftFeatures, rightFeatures);
            Model.Score(leftFeatures[..l], scores[..NerTags.Count]);
            Model.Score(rightFeatures[..r], scores[NerTags.Count..]);
        }

        return scores;
    }

    /// <summary>A word's contributions to its neighbours: its lower-case form at ±1 and ±2, its class at ±1.</summary>
    private void ScoreContext(ulong lower, ulong clusters, Span<float> scores)
    {
        Span<ulong> two = stackalloc ulong[2];
        two[0] = FeatureHash.Feature(NerFeatureExtractor.TPrev1, lower);
        var k = 1 + NerFeatureExtractor.ContextClusterFeature(NerFeatureExtractor.TClusterPrev, clusters, two[1..]);
        Model.Score(two[..k], scores.Slice(AsPrev1, NerTags.Count));
        two[0] = FeatureHash.Feature(NerFeatureExtractor.TNext1, lower);
        k = 1 + NerFeatureExtractor.ContextClusterFeature(NerFeatureExtractor.TClusterNext, clusters, two[1..]);
        Model.Score(two[..k], scores.Slice(AsNext1, NerTags.Count));
        Span<ulong> one = stackalloc ulong[1];
        one[0] = FeatureHash.Feature(NerFeatureExtractor.TPrev2, lower);
        Model.Score(one, scores.Slice(AsPrev2, NerTags.Count));
        one[0] = FeatureHash.Feature(NerFeatureExtractor.TNext2, lower);
        Model.Score(one, scores.Slice(AsNext2, NerTags.Count));
    }
}

using System.Runtime.Intrinsics;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>Families of word-vector features of a target (a flag set so that each family can be measured alone).</summary>
[Flags]
internal enum WordClassFeatures
{
    None = 0,

    /// <summary>Fine cluster of each of the 1–4 words left and right of the target, by side and distance.</summary>
    Window = 1 << 0,

    /// <summary>Fine clusters of the words in the target's clause.</summary>
    Clause = 1 << 1,

    /// <summary>Fine clusters of every context word, weighted by distance to the target.</summary>
    Sentence = 1 << 2,

    /// <summary>Vector-predicted polarity of words the lexicon lacks, by side, distance bin, clause and sign.</summary>
    Polarity = 1 << 3,

    /// <summary>Coarse-cluster bigrams next to the target, on each side.</summary>
    Bigrams = 1 << 4,

    /// <summary>Coarse clusters in the window and clause as well.</summary>
    Coarse = 1 << 5,

    /// <summary>Distance-weighted mean of the projected vectors of the words left and right of the target.</summary>
    DenseSides = 1 << 6,

    /// <summary>Fine clusters of every context word by side of the target, weighted by distance.</summary>
    SideSentence = 1 << 8,

    /// <summary>The shipped set (chosen by 5-fold cross-validation on the training split, see EVAL.md).</summary>
    Default = DenseSides,
}

internal static partial class FeatureExtractor
{
    private static readonly ulong ClassWindow = TextHash.Of("#cw");
    private static readonly ulong CoarseWindow = TextHash.Of("#ccw");
    private static readonly ulong ClassClause = TextHash.Of("#cc");
    private static readonly ulong CoarseClause = TextHash.Of("#ccc");
    private static readonly ulong ClassSentence = TextHash.Of("#cs");
    private static readonly ulong ClassSide = TextHash.Of("#csd");
    private static readonly ulong ClassBigram = TextHash.Of("#cb");
    private static readonly ulong PolarityPosition = TextHash.Of("#ppos");
    private static readonly ulong PolarityLeft = TextHash.Of("#pl");
    private static readonly ulong PolarityRight = TextHash.Of("#pr");
    private static readonly ulong[] DenseLeft = DenseHashes("#vl");
    private static readonly ulong[] DenseRight = DenseHashes("#vr");

    /// <summary>Largest projected-vector dimension the dense features use (stack buffers).</summary>
    private const int MaxDense = 128;

    /// <summary>Cluster id standing for another capitalized name (masked as in <see cref="WordHash"/>).</summary>
    private const ushort NameClass = ushort.MaxValue;

    /// <summary>Cluster id of a word without a vector.</summary>
    private const ushort UnknownClass = ushort.MaxValue - 1;

    /// <summary>Words further than this from the target get no word-class features (they say little about it, and cost).</summary>
    private const int WordClassWindow = 6;

    /// <summary>Predicted polarities below this (VADER scale) are noise around neutral words.</summary>
    private const float MinPolarity = 0.25f;

    private static void AddWordClasses(SentimentWorkspace ws, int from, int to, WordClasses classes, FeatureVector f)
    {
        var t = ws.Tokens.AsSpan(0, ws.Count);
        var v = ws.Valences.AsSpan(0, ws.Count);
        var use = classes.Features;
        var first = Math.Max(0, from - WordClassWindow);
        var last = Math.Min(t.Length, to + WordClassWindow);
        var wordClasses = ClassesOf(ws, classes, first, last);
        var (clauseStart, clauseEnd) = Clause(t, from, to);
        float polarityLeft = 0, polarityRight = 0;
        var dims = (use & WordClassFeatures.DenseSides) != 0 ? Math.Min(classes.VectorDimensions, MaxDense) : 0;

        // Left mean in [0, dims), right mean in [dims, 2 dims).
        Span<float> sums = stackalloc float[2 * dims];
        sums.Clear();
        float leftWeight = 0, rightWeight = 0;
        for (var i = first; i < last; i++)
        {
            if ((i >= from && i < to) || t[i].Has(TokenFlags.PunctuationOnly))
            {
                continue;
            }

            ref readonly var c = ref wordClasses[i];
            var left = i < from;
            var d = left ? from - i : i - to + 1;
            var side = left ? 1UL : 2UL;
            var inClause = i >= clauseStart && i <= clauseEnd;
            var weight = 0.4f + (0.6f / (1 + (d / 4f)));
            if ((use & WordClassFeatures.Window) != 0 && d <= 4)
            {
                var bin = (ulong)Math.Min(d, 3);
                f.Add(TextHash.Combine(ClassWindow, TextHash.Combine(side, bin), c.Fine));
                if ((use & WordClassFeatures.Coarse) != 0)
                {
                    f.Add(TextHash.Combine(CoarseWindow, TextHash.Combine(side, bin), c.Coarse));
                }
            }

            if ((use & WordClassFeatures.Clause) != 0 && inClause)
            {
                f.Add(TextHash.Combine(ClassClause, c.Fine));
                if ((use & WordClassFeatures.Coarse) != 0)
                {
                    f.Add(TextHash.Combine(CoarseClause, c.Coarse));
                }
            }

            if ((use & WordClassFeatures.Sentence) != 0)
            {
                f.Add(TextHash.Combine(ClassSentence, c.Fine), weight);
            }

            if ((use & WordClassFeatures.SideSentence) != 0)
            {
                f.Add(TextHash.Combine(ClassSide, side, c.Fine), weight);
            }

            if (dims > 0 && c.Row >= 0)
            {
                // A linear model over the mean vector acts as a learned polarity for every word, seen in training or not.
                var w = 1f / (1 + (d / 2f));
                AddScaled(sums.Slice(left ? 0 : dims, dims), classes.Vector(c), w);
                leftWeight += left ? w : 0;
                rightWeight += left ? 0 : w;
            }

            // The lexicon already speaks for its own words; the vector's polarity fills in the rest.
            if ((use & WordClassFeatures.Polarity) != 0 && v[i] == 0 && !t[i].Is(WordFlags.InLexicon) && MathF.Abs(c.Valence) >= MinPolarity)
            {
                var sign = c.Valence > 0 ? 1UL : 0UL;
                f.Add(TextHash.Combine(TextHash.Combine(PolarityPosition, side, DistanceBin(d)), inClause ? 1UL : 0UL, sign), MathF.Abs(c.Valence) / 2);
                polarityLeft += left ? c.Valence / (1 + d) : 0;
                polarityRight += left ? 0 : c.Valence / (1 + d);
            }
        }

        if ((use & WordClassFeatures.Polarity) != 0)
        {
            f.Add(PolarityLeft, VaderScorer.Normalize(polarityLeft));
            f.Add(PolarityRight, VaderScorer.Normalize(polarityRight));
        }

        if (dims > 0)
        {
            AddDense(f, DenseLeft, sums[..dims], leftWeight);
            AddDense(f, DenseRight, sums[dims..], rightWeight);
        }

        if ((use & WordClassFeatures.Bigrams) != 0)
        {
            if (from >= 2 && from - 2 >= first)
            {
                f.Add(TextHash.Combine(ClassBigram, 1UL, TextHash.Combine(wordClasses[from - 2].Coarse, wordClasses[from - 1].Coarse)));
            }

            if (to + 1 < last)
            {
                f.Add(TextHash.Combine(ClassBigram, 2UL, TextHash.Combine(wordClasses[to].Coarse, wordClasses[to + 1].Coarse)));
            }
        }
    }

    private static void AddScaled(Span<float> sum, ReadOnlySpan<sbyte> vector, float weight)
    {
        // Element-wise (no horizontal sums) and exact byte-to-float conversion, so SIMD and scalar paths agree and the
        // result does not depend on the machine.
        var k = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var w = Vector128.Create(weight);
            for (; k + 16 <= vector.Length; k += 16)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(vector.Slice(k, 16)));
                var (a, b) = Vector128.Widen(low);
                var (c, d) = Vector128.Widen(high);
                Accumulate(sum.Slice(k, 4), a, w);
                Accumulate(sum.Slice(k + 4, 4), b, w);
                Accumulate(sum.Slice(k + 8, 4), c, w);
                Accumulate(sum.Slice(k + 12, 4), d, w);
            }
        }

        for (; k < vector.Length; k++)
        {
            sum[k] += vector[k] * weight;
        }
    }

    private static void Accumulate(Span<float> sum, Vector128<int> values, Vector128<float> weight) =>
        (Vector128.Create((ReadOnlySpan<float>)sum) + (Vector128.ConvertToSingle(values) * weight)).CopyTo(sum);

    private static void AddDense(FeatureVector f, ulong[] family, ReadOnlySpan<float> sum, float total)
    {
        if (total <= 0)
        {
            return;
        }

        // Whitened components: the weighted mean stays on a unit scale whatever the number of words.
        var scale = 1 / (total * WordClasses.VectorScale);
        for (var k = 0; k < sum.Length; k++)
        {
            f.Add(family[k], sum[k] * scale);
        }
    }

    /// <summary>
    /// Consecutive hashes for the components of one dense family: they fall into consecutive buckets of the model,
    /// so reading their weights touches a dozen cache lines instead of one scattered line per component.
    /// </summary>
    private static ulong[] DenseHashes(string family)
    {
        var hashes = new ulong[MaxDense];
        for (var k = 0; k < hashes.Length; k++)
        {
            hashes[k] = TextHash.Of(family) + (ulong)k;
        }

        return hashes;
    }

    /// <summary>
    /// The classes of the sentence's tokens, covering at least [first, last): each token is looked up once per sentence
    /// (the targets of a sentence share the lookups); other names share one class (row -1, so no vector).
    /// </summary>
    private static ReadOnlySpan<WordClass> ClassesOf(SentimentWorkspace ws, WordClasses classes, int first, int last)
    {
        var result = ws.Classes.AsSpan(0, ws.Count);
        if (ws.ClassesFrom != classes)
        {
            ws.ClassesFrom = classes;
            ws.ClassesStart = first;
            ws.ClassesEnd = first;
        }

        // The filled range grows to cover [first, last) and stays contiguous.
        var t = ws.Tokens.AsSpan(0, ws.Count);
        var start = Math.Min(first, ws.ClassesStart);
        var end = Math.Max(last, ws.ClassesEnd);
        for (var i = start; i < ws.ClassesStart; i++)
        {
            result[i] = Lookup(t, i, classes);
        }

        for (var i = ws.ClassesEnd; i < end; i++)
        {
            result[i] = Lookup(t, i, classes);
        }

        ws.ClassesStart = start;
        ws.ClassesEnd = end;
        return result;
    }

    private static WordClass Lookup(ReadOnlySpan<Token> t, int i, WordClasses classes) =>
        // Masking other names does not depend on which target is scored (only on there being one).
        WordHash(t, i, 0) == OtherName ? new WordClass(NameClass, NameClass, 0)
            : classes.TryGet(t[i].Hash, out var c) ? c : new WordClass(UnknownClass, UnknownClass, 0);
}

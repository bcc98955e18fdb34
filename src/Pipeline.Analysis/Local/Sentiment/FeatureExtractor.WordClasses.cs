using System.Numerics;
using System.Runtime.InteropServices;

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

    /// <summary>Mean projected vector of the target's own words (what kind of entity it is).</summary>
    TargetVector = 1 << 9,

    /// <summary>The target's vector times the distance-weighted lexicon valence around it (which kinds of entity the tone is about).</summary>
    TargetCross = 1 << 10,

    /// <summary>As <see cref="TargetVector"/>, but names (capitalized words) get no vector: no prior for a person or party.</summary>
    TargetNounVector = 1 << 11,

    /// <summary>The shipped set (chosen by 5-fold cross-validation on the training split, see EVAL.md).</summary>
    Default = Polarity | DenseSides,
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
    private static readonly ulong[] DenseTarget = DenseHashes("#vt");
    private static readonly ulong[] DenseTargetCross = DenseHashes("#vtx");

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

        if ((use & (WordClassFeatures.TargetVector | WordClassFeatures.TargetCross | WordClassFeatures.TargetNounVector)) != 0 && classes.VectorDimensions > 0)
        {
            var n = Math.Min(classes.VectorDimensions, MaxDense);
            Span<float> target = stackalloc float[n];
            target.Clear();
            float count = 0;
            for (var i = from; i < to; i++)
            {
                if (((use & WordClassFeatures.TargetNounVector) == 0 || !t[i].Has(TokenFlags.Capitalized)) && TargetClass(ws, i, classes, out var c))
                {
                    AddScaled(target, classes.Vector(c), 1);
                    count++;
                }
            }

            if ((use & (WordClassFeatures.TargetVector | WordClassFeatures.TargetNounVector)) != 0)
            {
                AddDense(f, DenseTarget, target, count);
            }

            if ((use & WordClassFeatures.TargetCross) != 0)
            {
                float near = 0;
                for (var i = 0; i < t.Length; i++)
                {
                    near += i < from ? v[i] / (1 + from - i) : i >= to ? v[i] / (1 + i - to + 1) : 0;
                }

                var tone = VaderScorer.Normalize(near);
                for (var k = 0; k < n && count > 0 && tone != 0; k++)
                {
                    f.Add(DenseTargetCross[k], target[k] / count * tone);
                }
            }
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

    /// <summary>The classes of a target word; a possessive ("Trump's") is looked up without its "'s".</summary>
    private static bool TargetClass(SentimentWorkspace ws, int i, WordClasses classes, out WordClass c)
    {
        ref readonly var token = ref ws.Tokens[i];
        if (classes.TryGet(token.Hash, out c) && c.Row >= 0)
        {
            return true;
        }

        var word = ws.Lower.AsSpan(token.Start, token.Length);
        return word.Length > 2 && word.EndsWith("'s", StringComparison.Ordinal) && classes.TryGet(TextHash.Of(word[..^2]), out c) && c.Row >= 0;
    }

    private static void AddScaled(Span<float> sum, ReadOnlySpan<float> vector, float weight)
    {
        // Element-wise (no horizontal sums), so the result does not depend on the machine's vector width.
        var s = MemoryMarshal.Cast<float, Vector<float>>(sum);
        var x = MemoryMarshal.Cast<float, Vector<float>>(vector);
        for (var k = 0; k < s.Length; k++)
        {
            s[k] += x[k] * weight;
        }

        for (var k = s.Length * Vector<float>.Count; k < sum.Length; k++)
        {
            sum[k] += vector[k] * weight;
        }
    }

    private static void AddDense(FeatureVector f, ulong[] family, ReadOnlySpan<float> sum, float total)
    {
        if (total <= 0)
        {
            return;
        }

        // Whitened components: the weighted mean stays on a unit scale whatever the number of words.
        var scale = 1 / total;
        for (var k = 0; k < sum.Length; k++)
        {
            f.Add(family[k], sum[k] * scale);
        }
    }

    private static ulong[] DenseHashes(string family)
    {
        var hashes = new ulong[MaxDense];
        for (var k = 0; k < hashes.Length; k++)
        {
            hashes[k] = TextHash.Combine(TextHash.Of(family), (ulong)k);
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

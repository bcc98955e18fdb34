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

    /// <summary>Mean of the projected vectors of the words in the target's clause.</summary>
    DenseClause = 1 << 7,

    /// <summary>Fine clusters of every context word by side of the target, weighted by distance.</summary>
    SideSentence = 1 << 8,

    /// <summary>Mean of the projected vectors of the 1–3 words on each side of the target.</summary>
    DenseNear = 1 << 9,

    /// <summary>Mean of the projected vectors of all context words (lets the model weigh a side against the whole).</summary>
    DenseSentence = 1 << 10,

    /// <summary>Frequent words count less in the dense means (rank / (rank + 50), rows being in frequency order).</summary>
    FrequencyWeights = 1 << 11,

    /// <summary>The side means again, keyed by whether the target opens its clause (subject) or not.</summary>
    DenseByRole = 1 << 12,

    /// <summary>The shipped set.</summary>
    Default = Window | Clause | Polarity,
}

internal static partial class FeatureExtractor
{
    private static readonly ulong ClassWindow = TextHash.Of("#cw");
    private static readonly ulong CoarseWindow = TextHash.Of("#ccw");
    private static readonly ulong ClassClause = TextHash.Of("#cc");
    private static readonly ulong CoarseClause = TextHash.Of("#ccc");
    private static readonly ulong ClassSentence = TextHash.Of("#cs");
    private static readonly ulong ClassBigram = TextHash.Of("#cb");
    private static readonly ulong PolarityPosition = TextHash.Of("#ppos");
    private static readonly ulong PolarityLeft = TextHash.Of("#pl");
    private static readonly ulong PolarityRight = TextHash.Of("#pr");
    private static readonly ulong ClassSide = TextHash.Of("#csd");
    private static readonly ulong DenseLeft = TextHash.Of("#vl");
    private static readonly ulong DenseRight = TextHash.Of("#vr");
    private static readonly ulong DenseClauseMean = TextHash.Of("#vc");
    private static readonly ulong DenseNearLeft = TextHash.Of("#vnl");
    private static readonly ulong DenseNearRight = TextHash.Of("#vnr");
    private static readonly ulong DenseAll = TextHash.Of("#va");

    private const int DenseSlots = 6;

    /// <summary>Largest projected-vector dimension the dense features use (stack buffers).</summary>
    private const int MaxDense = 128;

    /// <summary>Cluster id standing for another capitalized name (masked as in <see cref="WordHash"/>).</summary>
    private const ushort NameClass = ushort.MaxValue;

    /// <summary>Cluster id of a word without a vector.</summary>
    private const ushort UnknownClass = ushort.MaxValue - 1;

    /// <summary>Predicted polarities below this (VADER scale) are noise around neutral words.</summary>
    private const float MinPolarity = 0.25f;

    private static void AddWordClasses(SentimentWorkspace ws, int from, int to, WordClasses classes, FeatureVector f)
    {
        var t = ws.Tokens.AsSpan(0, ws.Count);
        var v = ws.Valences.AsSpan(0, ws.Count);
        var use = classes.Features;
        var (clauseStart, clauseEnd) = Clause(t, from, to);
        float nearLeft = 0, nearRight = 0;
        var dims = Math.Min(classes.VectorDimensions, MaxDense);
        var dense = (use & (WordClassFeatures.DenseSides | WordClassFeatures.DenseByRole | WordClassFeatures.DenseClause | WordClassFeatures.DenseNear | WordClassFeatures.DenseSentence)) != 0 && dims > 0;
        Span<float> sums = stackalloc float[dense ? DenseSlots * dims : 0];
        Span<float> totals = stackalloc float[DenseSlots];
        totals.Clear();
        sums.Clear();
        for (var i = 0; i < t.Length; i++)
        {
            if ((i >= from && i < to) || t[i].Has(TokenFlags.PunctuationOnly))
            {
                continue;
            }

            var c = ClassOf(t, i, from, classes);
            var left = i < from;
            var d = left ? from - i : i - to + 1;
            var side = left ? 1UL : 2UL;
            var inClause = i >= clauseStart && i <= clauseEnd;
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

            if ((use & WordClassFeatures.SideSentence) != 0)
            {
                f.Add(TextHash.Combine(ClassSide, side, c.Fine), 0.4f + (0.6f / (1 + (d / 4f))));
            }

            if (dense && c.Row >= 0 && c.Fine != NameClass)
            {
                var vector = classes.Vector(c);
                var frequency = (use & WordClassFeatures.FrequencyWeights) != 0 ? c.Row / (c.Row + 50f) : 1f;
                var w = frequency / (1 + (d / 2f));
                var slot = left ? 0 : 1;
                totals[slot] += w;
                AddScaled(sums.Slice(slot * dims, dims), vector, w);
                if (inClause)
                {
                    totals[2] += frequency;
                    AddScaled(sums.Slice(2 * dims, dims), vector, frequency);
                }

                if (d <= 3)
                {
                    totals[3 + slot] += frequency;
                    AddScaled(sums.Slice((3 + slot) * dims, dims), vector, frequency);
                }

                totals[5] += frequency;
                AddScaled(sums.Slice(5 * dims, dims), vector, frequency);
            }

            if ((use & WordClassFeatures.Sentence) != 0)
            {
                f.Add(TextHash.Combine(ClassSentence, c.Fine), 0.4f + (0.6f / (1 + (d / 4f))));
            }

            // The lexicon already speaks for its own words; the vector's polarity fills in the rest.
            if ((use & WordClassFeatures.Polarity) != 0 && v[i] == 0 && !t[i].Is(WordFlags.InLexicon)
                && MathF.Abs(c.Valence) >= MinPolarity && c.Fine != NameClass)
            {
                var sign = c.Valence > 0 ? 1UL : 0UL;
                f.Add(TextHash.Combine(TextHash.Combine(PolarityPosition, side, DistanceBin(d)), inClause ? 1UL : 0UL, sign), MathF.Abs(c.Valence) / 2);
                if (left)
                {
                    nearLeft += c.Valence / (1 + d);
                }
                else
                {
                    nearRight += c.Valence / (1 + d);
                }
            }
        }

        if ((use & WordClassFeatures.Polarity) != 0)
        {
            f.Add(PolarityLeft, VaderScorer.Normalize(nearLeft));
            f.Add(PolarityRight, VaderScorer.Normalize(nearRight));
        }

        if (dense)
        {
            if ((use & WordClassFeatures.DenseSides) != 0)
            {
                AddDense(f, DenseLeft, sums[..dims], totals[0]);
                AddDense(f, DenseRight, sums.Slice(dims, dims), totals[1]);
            }

            if ((use & WordClassFeatures.DenseByRole) != 0)
            {
                var role = from == clauseStart ? 1UL : 2UL;
                AddDense(f, TextHash.Combine(DenseLeft, role), sums[..dims], totals[0]);
                AddDense(f, TextHash.Combine(DenseRight, role), sums.Slice(dims, dims), totals[1]);
            }

            if ((use & WordClassFeatures.DenseClause) != 0)
            {
                AddDense(f, DenseClauseMean, sums.Slice(2 * dims, dims), totals[2]);
            }

            if ((use & WordClassFeatures.DenseNear) != 0)
            {
                AddDense(f, DenseNearLeft, sums.Slice(3 * dims, dims), totals[3]);
                AddDense(f, DenseNearRight, sums.Slice(4 * dims, dims), totals[4]);
            }

            if ((use & WordClassFeatures.DenseSentence) != 0)
            {
                AddDense(f, DenseAll, sums.Slice(5 * dims, dims), totals[5]);
            }
        }

        if ((use & WordClassFeatures.Bigrams) != 0)
        {
            if (from >= 2)
            {
                f.Add(TextHash.Combine(ClassBigram, 1UL, TextHash.Combine(ClassOf(t, from - 2, from, classes).Coarse, ClassOf(t, from - 1, from, classes).Coarse)));
            }

            if (to + 1 < t.Length)
            {
                f.Add(TextHash.Combine(ClassBigram, 2UL, TextHash.Combine(ClassOf(t, to, from, classes).Coarse, ClassOf(t, to + 1, from, classes).Coarse)));
            }
        }
    }

    private static void AddScaled(Span<float> sum, ReadOnlySpan<sbyte> vector, float weight)
    {
        for (var k = 0; k < sum.Length; k++)
        {
            sum[k] += vector[k] * weight;
        }
    }

    private static void AddDense(FeatureVector f, ulong family, ReadOnlySpan<float> sum, float total)
    {
        if (total <= 0)
        {
            return;
        }

        // Whitened components: the weighted mean stays on a unit scale whatever the number of words.
        var scale = 1 / (total * WordClasses.VectorScale);
        for (var k = 0; k < sum.Length; k++)
        {
            f.Add(TextHash.Combine(family, (ulong)k), sum[k] * scale);
        }
    }

    private static WordClass ClassOf(ReadOnlySpan<Token> t, int i, int from, WordClasses classes)
    {
        if (WordHash(t, i, from) == OtherName)
        {
            return new WordClass(NameClass, NameClass, 0);
        }

        return classes.TryGet(t[i].Hash, out var c) ? c : new WordClass(UnknownClass, UnknownClass, 0);
    }
}

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

    private static WordClass ClassOf(ReadOnlySpan<Token> t, int i, int from, WordClasses classes)
    {
        if (WordHash(t, i, from) == OtherName)
        {
            return new WordClass(NameClass, NameClass, 0);
        }

        return classes.TryGet(t[i].Hash, out var c) ? c : new WordClass(UnknownClass, UnknownClass, 0);
    }
}

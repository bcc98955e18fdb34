using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Hashed features for the tagger. Static features (word, shape, affixes, capitalisation, context ±2,
/// gazetteer matches, cue words) are computed once per sentence into <see cref="Slots"/> slots per token
/// (0 = empty); dynamic ones depend on the previously predicted tags.
/// </summary>
public sealed class NerFeatureExtractor(Gazetteer gazetteer)
{
    public const int Slots = 52;
    public const int DynamicCount = 4;

    // Template ids (stable: the trained weights depend on them).
    internal const int TBias = 1, TLower = 2, TRaw = 3, TPrefix = 4, TSuffix = 8, TShape = 12, TCase = 14, TCaseStart = 15;
    internal const int TPrev1 = 16, TNext1 = 17, TPrev2 = 18, TNext2 = 19, TShapePrev = 20, TShapeNext = 21;
    internal const int TBigramPrev = 22, TBigramNext = 23, TCaseTri = 24, TGaz = 25, TGazCase = 26, TGazContext = 27;
    internal const int TCuePrev = 28, TCueNext = 29, TCue = 30, TCueNext2 = 31, TLongShape = 32, TSuffixPrev = 33;
    internal const int TRunPos = 34, TRunCue = 35, TRunLast = 36, TPrevWordShape = 37, TNextWordShape = 38;
    internal const int TTag1 = 40, TTag12 = 41, TTagWord = 42, TTagShape = 43;
    internal const int TParenAcronym = 44; // a name followed by its acronym in parentheses: "Forza Italia ( FI )".
    internal const int TCluster = 45; // + level (45, 46, 47): the word's GloVe k-means class, coarse to fine (WordClusters).
    internal const int TClusterCase = 48, TClusterPrev = 49, TClusterNext = 50;

    /// <summary>Word features (<see cref="WriteIntrinsic"/>) per token: bias, word, raw word, 4 prefixes, 4 suffixes, 2 shapes, case, clusters.</summary>
    internal const int IntrinsicCount = 14 + WordClusters.Levels + 1;

    /// <summary>The "word" before the first and after the last token.</summary>
    internal const ulong BoundaryWord = 0xB0B0B0B0B0B0B0B0UL;

    /// <summary>Per-sentence token properties the dynamic features reuse.</summary>
    public sealed class SentenceFeatures
    {
        internal ulong[] Static = [];
        /// <summary>Per token, its word's hashes, shape and case class.</summary>
        internal WordProperties[] Words = [];

        /// <summary>With a <see cref="WordScoreCache"/>: per token, the summed scores of the features not in the slots.</summary>
        internal float[] Base = [];

        internal bool HasBase;

        /// <summary>With <see cref="HasBase"/>: the cache the scores came from and each token's entry in it.</summary>
        internal WordScoreCache? Cache;

        internal int[] Entries = [];
        internal int Count;

        public ReadOnlySpan<ulong> StaticOf(int token) => Static.AsSpan(token * Slots, Slots);

        internal void Ensure(int n)
        {
            Count = n;
            if (Words.Length < n)
            {
                var size = Math.Max(n, Words.Length * 2);
                Static = new ulong[size * Slots];
                Words = new WordProperties[size];
                Base = new float[size * NerTags.Count];
                Entries = new int[size];
            }
        }
    }

    public Gazetteer Gazetteer => gazetteer;

    /// <summary>Every static feature of every token into <see cref="SentenceFeatures.Static"/> (training, tools).</summary>
    public void Extract(string text, ReadOnlySpan<TextSpan> tokens, SentenceFeatures into) => Fill(text, tokens, into, null);

    /// <summary>
    /// For decoding with the cache's model: the word-only and neighbour-word features come summed from
    /// <paramref name="cache"/> into <see cref="SentenceFeatures.Base"/>; the other static features go to the slots.
    /// At most <see cref="WordScoreCache.MaxSentence"/> tokens.
    /// </summary>
    internal void Extract(string text, ReadOnlySpan<TextSpan> tokens, SentenceFeatures into, WordScoreCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tokens.Length, WordScoreCache.MaxSentence);
        Fill(text, tokens, into, cache);
    }

    private void Fill(string text, ReadOnlySpan<TextSpan> tokens, SentenceFeatures into, WordScoreCache? cache)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        var n = tokens.Length;
        into.Ensure(n);
        into.HasBase = cache is not null;
        into.Cache = cache;
        cache?.BeginSentence(n);
        Span<int> gaz = n <= 256 ? stackalloc int[n] : new int[n];
        Span<int> cue = n <= 256 ? stackalloc int[n] : new int[n];
        var entry = into.Entries.AsSpan(0, n);
        gaz.Clear();
        var words = into.Words;
        for (var i = 0; i < n; i++)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
            var raw = FeatureHash.Of(w);
            if (cache is null)
            {
                words[i] = WordProperties.Of(w, raw);
            }
            else
            {
                entry[i] = cache.Entry(w, raw);
                words[i] = cache.Words[entry[i]];
            }

            cue[i] = words[i].Cue;
        }

        if (cache is not null)
        {
            SumCached(cache, entry[..n], into.Base);
        }

        MatchGazetteer(text, tokens, gaz, words.AsSpan(0, n));

        // Capitalised runs ("Liberal Party of Canada"): position in the run, cue words anywhere in it, its last word.
        Span<int> runStart = n <= 256 ? stackalloc int[n] : new int[n];
        Span<int> runEnd = n <= 256 ? stackalloc int[n] : new int[n];
        Span<int> runCue = n <= 256 ? stackalloc int[n] : new int[n];
        for (var i = 0; i < n;)
        {
            if (!StartsRun(words[i].Case))
            {
                runStart[i] = runEnd[i] = -1;
                i++;
                continue;
            }

            var j = i + 1;
            var lastCap = i;
            while (j < n)
            {
                if (StartsRun(words[j].Case))
                {
                    lastCap = j;
                    j++;
                }
                else if ((cue[j] & (int)CueKind.Connector) != 0 && j + 1 < n && StartsRun(words[j + 1].Case) && j - i < 8)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var cues = 0;
            for (var k = i; k <= lastCap; k++)
            {
                cues |= cue[k];
            }

            for (var k = i; k < j; k++)
            {
                runStart[k] = i;
                runEnd[k] = k <= lastCap ? lastCap : -1;
                runCue[k] = cues;
            }

            for (var k = lastCap + 1; k < j; k++)
            {
                runStart[k] = runEnd[k] = -1;
            }

            i = j;
        }

        for (var i = 0; i < n; i++)
        {
            var f = into.Static.AsSpan(i * Slots, Slots);

            // Decoding reads a token's features up to the first empty slot; other readers scan all slots.
            if (cache is null)
            {
                f.Clear();
            }
            var low = words[i].Lower;
            var k = 0;
            if (cache is null)
            {
                k = WriteIntrinsic(text.AsSpan(tokens[i].Start, tokens[i].Length), words[i], f);
            }

            var cls = words[i].Case;
            f[k++] = FeatureHash.Feature(TCaseStart, (ulong)cls, i == 0 ? 1UL : 0UL);
            var p1 = i > 0 ? words[i - 1].Lower : BoundaryWord;
            var p2 = i > 1 ? words[i - 2].Lower : BoundaryWord;
            var n1 = i + 1 < n ? words[i + 1].Lower : BoundaryWord;
            var n2 = i + 2 < n ? words[i + 2].Lower : BoundaryWord;
            if (cache is null)
            {
                f[k++] = FeatureHash.Feature(TPrev1, p1);
                f[k++] = FeatureHash.Feature(TNext1, n1);
                f[k++] = FeatureHash.Feature(TPrev2, p2);
                f[k++] = FeatureHash.Feature(TNext2, n2);
                if (i > 0)
                {
                    k += ContextClusterFeature(TClusterPrev, words[i - 1].Clusters, f[k..]);
                }

                if (i + 1 < n)
                {
                    k += ContextClusterFeature(TClusterNext, words[i + 1].Clusters, f[k..]);
                }
            }

            var sp = i > 0 ? words[i - 1].Shape : BoundaryWord;
            var sn = i + 1 < n ? words[i + 1].Shape : BoundaryWord;
            // Features of a pair of adjacent words come summed from the cache inside the sentence (see AdjacentFeatures).
            var prevPairCached = cache is not null && i > 0;
            var nextPairCached = cache is not null && i + 1 < n;
            if (!prevPairCached)
            {
                f[k++] = FeatureHash.Feature(TShapePrev, sp, words[i].Shape);
            }

            if (!nextPairCached)
            {
                f[k++] = FeatureHash.Feature(TShapeNext, words[i].Shape, sn);
            }

            if (!prevPairCached)
            {
                f[k++] = FeatureHash.Feature(TBigramPrev, p1, low);
            }

            if (!nextPairCached)
            {
                f[k++] = FeatureHash.Feature(TBigramNext, low, n1);
            }

            var cp = i > 0 ? words[i - 1].Case : 15;
            var cn = i + 1 < n ? words[i + 1].Case : 15;
            f[k++] = FeatureHash.Feature(TCaseTri, (ulong)((cp * 16) + cls), (ulong)cn);
            if (gaz[i] != 0)
            {
                f[k++] = FeatureHash.Feature(TGaz, (ulong)gaz[i]);
                f[k++] = FeatureHash.Feature(TGazCase, (ulong)gaz[i], (ulong)cls);
            }

            var gp = i > 0 ? gaz[i - 1] : 0;
            var gn = i + 1 < n ? gaz[i + 1] : 0;
            if (gp != 0 || gn != 0)
            {
                f[k++] = FeatureHash.Feature(TGazContext, (ulong)gp, (ulong)gn);
            }

            if (i > 0 && cue[i - 1] != 0)
            {
                f[k++] = FeatureHash.Feature(TCuePrev, (ulong)cue[i - 1], (ulong)cls);
            }

            if (i + 1 < n && cue[i + 1] != 0)
            {
                f[k++] = FeatureHash.Feature(TCueNext, (ulong)cue[i + 1], (ulong)cls);
            }

            if (i + 2 < n && cue[i + 2] != 0)
            {
                f[k++] = FeatureHash.Feature(TCueNext2, (ulong)cue[i + 2], (ulong)cls);
            }

            if (cue[i] != 0)
            {
                f[k++] = FeatureHash.Feature(TCue, (ulong)cue[i], (ulong)cls);
            }

            if (runEnd[i] >= 0 && runEnd[i] > runStart[i])
            {
                var len = runEnd[i] - runStart[i] + 1;
                f[k++] = FeatureHash.Feature(TRunPos, (ulong)Math.Min(i - runStart[i], 4), (ulong)Math.Min(runEnd[i] - i, 4));
                f[k++] = FeatureHash.Feature(TRunCue, (ulong)runCue[i], (ulong)Math.Min(len, 6));
                f[k++] = FeatureHash.Feature(TRunLast, words[runEnd[i]].Lower);
            }

            if (!prevPairCached)
            {
                f[k++] = FeatureHash.Feature(TPrevWordShape, p1, words[i].Shape);
            }

            if (!nextPairCached)
            {
                f[k++] = FeatureHash.Feature(TNextWordShape, words[i].Shape, n1);
            }

            if (!prevPairCached && i > 0 && tokens[i - 1].Length > 3)
            {
                f[k++] = FeatureHash.Feature(TSuffixPrev, words[i - 1].Suffix3, (ulong)cls);
            }

            // Acronym in parentheses after a capitalised run (neighbours): the run's tokens and the acronym itself.
            var runLast = runEnd[i];
            if (runLast >= 0 && IsParenAcronym(text, tokens, words, runLast + 1))
            {
                f[k++] = FeatureHash.Feature(TParenAcronym, 1, (ulong)Math.Min(runLast - runStart[i] + 1, 4));
            }
            else if (i >= 2 && IsParenAcronym(text, tokens, words, i - 1) && StartsRun(words[i - 2].Case))
            {
                f[k++] = FeatureHash.Feature(TParenAcronym, 2, (ulong)words[i - 2].Case);
            }

            if (k < Slots)
            {
                f[k] = 0;
            }
        }
    }

    /// <summary>The features of a token that depend on its word alone, in slot order; returns how many.</summary>
    internal static int WriteIntrinsic(ReadOnlySpan<char> w, in WordProperties word, Span<ulong> f)
    {
        var k = 0;
        f[k++] = FeatureHash.Feature(TBias, 0);
        f[k++] = FeatureHash.Feature(TLower, word.Lower);
        f[k++] = FeatureHash.Feature(TRaw, word.Raw);
        var prefix = FeatureHash.Seed;
        for (var a = 1; a <= 4; a++)
        {
            if (w.Length > a)
            {
                // Prefix hashes extend one character at a time (same value as FeatureHash.Lower(w[..a])).
                prefix = FeatureHash.Add(prefix, FeatureHash.NormalizeLower(w[a - 1]));
                f[k++] = FeatureHash.Feature(TPrefix + a - 1, prefix);
                f[k++] = FeatureHash.Feature(TSuffix + a - 1, FeatureHash.Lower(w[^a..]));
            }
        }

        f[k++] = FeatureHash.Feature(TShape, word.Shape);
        f[k++] = FeatureHash.Feature(TLongShape, word.LongShape);
        f[k++] = FeatureHash.Feature(TCase, (ulong)word.Case);

        // The word's class at each granularity, split by whether it can start a name ("Meretz" vs "meretz"), and its
        // finest class with the full case class; a word outside the table has none (shapes and affixes cover it).
        if (word.Clusters != 0)
        {
            var capital = StartsRun(word.Case) ? 1UL : 0UL;
            for (var level = 0; level < WordClusters.Levels; level++)
            {
                f[k++] = FeatureHash.Feature(TCluster + level, (ulong)WordClusters.Unpack(word.Clusters, level), capital);
            }

            f[k++] = FeatureHash.Feature(TClusterCase, (ulong)WordClusters.Unpack(word.Clusters, WordClusters.Levels - 1), (ulong)word.Case);
        }

        return k;
    }

    /// <summary>
    /// The feature a word gives its neighbour through its middle-granularity class (template <see cref="TClusterPrev"/> when
    /// it is the previous word, <see cref="TClusterNext"/> when the next); none for a word without a class. Returns how many.
    /// </summary>
    internal static int ContextClusterFeature(int template, ulong clusters, Span<ulong> f)
    {
        if (clusters == 0)
        {
            return 0;
        }

        f[0] = FeatureHash.Feature(template, (ulong)WordClusters.Unpack(clusters, 1));
        return 1;
    }

    /// <summary>Per token: its word's intrinsic scores plus the context scores of the words ±1 and ±2 (or the boundary).</summary>
    /// <remarks>
    /// Eight tags at a time in vector lanes, the ninth alone: each tag's sum keeps its order (own, +1 before, +1 after,
    /// +2 before, +2 after, then the pair halves), so the floats are those of a scalar loop.
    /// </remarks>
    private static void SumCached(WordScoreCache cache, ReadOnlySpan<int> entry, Span<float> into)
    {
        const int T = NerTags.Count;
        const int Stride = WordScoreCache.Stride;
        var n = entry.Length;
        if (n == 0)
        {
            return;
        }

        _ = into[(n * T) - 1];
        ref var scores = ref MemoryMarshal.GetReference(cache.Scores);
        ref var boundary = ref MemoryMarshal.GetReference(cache.Boundary);
        ref var b = ref MemoryMarshal.GetReference(into);
        ref var right = ref boundary; // unused until token 1
        for (var i = 0; i < n; i++)
        {
            ref var own = ref Unsafe.Add(ref scores, (entry[i] * Stride) + WordScoreCache.Intrinsic);
            ref var prev1 = ref i > 0 ? ref Unsafe.Add(ref scores, (entry[i - 1] * Stride) + WordScoreCache.AsPrev1) : ref Unsafe.Add(ref boundary, WordScoreCache.AsPrev1);
            ref var next1 = ref i + 1 < n ? ref Unsafe.Add(ref scores, (entry[i + 1] * Stride) + WordScoreCache.AsNext1) : ref Unsafe.Add(ref boundary, WordScoreCache.AsNext1);
            ref var prev2 = ref i > 1 ? ref Unsafe.Add(ref scores, (entry[i - 2] * Stride) + WordScoreCache.AsPrev2) : ref Unsafe.Add(ref boundary, WordScoreCache.AsPrev2);
            ref var next2 = ref i + 2 < n ? ref Unsafe.Add(ref scores, (entry[i + 2] * Stride) + WordScoreCache.AsNext2) : ref Unsafe.Add(ref boundary, WordScoreCache.AsNext2);
            var sum = Vector256.LoadUnsafe(ref own) + Vector256.LoadUnsafe(ref prev1) + Vector256.LoadUnsafe(ref next1)
                + Vector256.LoadUnsafe(ref prev2) + Vector256.LoadUnsafe(ref next2);
            var last = Unsafe.Add(ref own, 8) + Unsafe.Add(ref prev1, 8) + Unsafe.Add(ref next1, 8) + Unsafe.Add(ref prev2, 8) + Unsafe.Add(ref next2, 8);
            if (i > 0)
            {
                // The pair (i - 1, i) was looked up for token i - 1: its right half is this token's.
                sum += Vector256.LoadUnsafe(ref right);
                last += Unsafe.Add(ref right, 8);
            }

            if (i + 1 < n)
            {
                // One lookup per pair serves both words (the slot stays put until the next lookup).
                ref var pair = ref MemoryMarshal.GetReference(cache.Adjacent(entry[i], entry[i + 1]));
                sum += Vector256.LoadUnsafe(ref pair);
                last += Unsafe.Add(ref pair, 8);
                right = ref Unsafe.Add(ref pair, T);
            }

            ref var row = ref Unsafe.Add(ref b, i * T);
            sum.StoreUnsafe(ref row);
            Unsafe.Add(ref row, 8) = last;
        }
    }

    /// <summary>
    /// The features a pair of adjacent words (a, b) gives: to a, the shape and word pairs with its next word; to b, those
    /// with its previous word and a's suffix. The same values <see cref="Fill"/> writes to the slots without a cache.
    /// </summary>
    internal static (int Left, int Right) AdjacentFeatures(in WordProperties a, in WordProperties b, Span<ulong> left, Span<ulong> right)
    {
        left[0] = FeatureHash.Feature(TShapeNext, a.Shape, b.Shape);
        left[1] = FeatureHash.Feature(TBigramNext, a.Lower, b.Lower);
        left[2] = FeatureHash.Feature(TNextWordShape, a.Shape, b.Lower);
        right[0] = FeatureHash.Feature(TShapePrev, a.Shape, b.Shape);
        right[1] = FeatureHash.Feature(TBigramPrev, a.Lower, b.Lower);
        right[2] = FeatureHash.Feature(TPrevWordShape, a.Lower, b.Shape);
        if (a.Length <= 3)
        {
            return (3, 3);
        }

        right[3] = FeatureHash.Feature(TSuffixPrev, a.Suffix3, (ulong)b.Case);
        return (3, 4);
    }

    /// <summary>"(" ACRONYM ")" starting at token <paramref name="open"/> (the acronym all capitals or mixed case, like "PdL").</summary>
    private static bool IsParenAcronym(string text, ReadOnlySpan<TextSpan> tokens, WordProperties[] words, int open) =>
        open + 2 < tokens.Length
        && tokens[open].Length == 1 && text[tokens[open].Start] == '('
        && tokens[open + 2].Length == 1 && text[tokens[open + 2].Start] == ')'
        && words[open + 1].Case is 2 or 4 or 3;

    // Capitalised words, acronyms, initials, and numbers (years in "2001 Italian general election") form name runs.
    private static bool StartsRun(int caseClass) => caseClass is 1 or 2 or 3 or 5 or 8;

    /// <summary>Features that depend on the two previous tags.</summary>
    public static void Dynamic(SentenceFeatures s, int i, int prevTag, int prevTag2, Span<ulong> into)
    {
        ArgumentNullException.ThrowIfNull(s);
        DynamicTags(prevTag, prevTag2, into);
        DynamicWord(s, i, prevTag, into[2..]);
    }

    /// <summary>The first two <see cref="Dynamic"/> features: the previous tags alone.</summary>
    internal static void DynamicTags(int prevTag, int prevTag2, Span<ulong> into)
    {
        into[0] = FeatureHash.Feature(TTag1, (ulong)prevTag);
        into[1] = FeatureHash.Feature(TTag12, (ulong)prevTag, (ulong)prevTag2);
    }

    /// <summary>The last two <see cref="Dynamic"/> features: the previous tag with the token's word and shape.</summary>
    internal static void DynamicWord(SentenceFeatures s, int i, int prevTag, Span<ulong> into) =>
        TagWordFeatures(prevTag, s.Words[i].Lower, s.Words[i].Shape, into);

    internal static void TagWordFeatures(int prevTag, ulong lower, ulong shape, Span<ulong> into)
    {
        into[0] = FeatureHash.Feature(TTagWord, (ulong)prevTag, lower);
        into[1] = FeatureHash.Feature(TTagShape, (ulong)prevTag, shape);
    }

    /// <summary>Gazetteer bits per token: for kind bit b, 1&lt;&lt;(2b) at a match's first token, 1&lt;&lt;(2b+1) inside.</summary>
    internal void MatchGazetteer(string text, ReadOnlySpan<TextSpan> tokens, Span<int> bits) => MatchGazetteer(text, tokens, bits, []);

    /// <param name="text">The document.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="bits">Per token, the match bits (added to).</param>
    /// <param name="words">The tokens' properties, or empty: with the default gazetteer their one-token lookups are reused.</param>
    internal void MatchGazetteer(string text, ReadOnlySpan<TextSpan> tokens, Span<int> bits, ReadOnlySpan<WordProperties> words)
    {
        var n = tokens.Length;
        var known = words.Length == n && ReferenceEquals(gazetteer, Gazetteer.Default);
        for (var i = 0; i < n; i++)
        {
            if (!char.IsUpper(text[tokens[i].Start]))
            {
                continue;
            }

            var maxLen = Math.Min(Gazetteer.MaxTokens, n - i);
            var h = FeatureHash.Seed;
            for (var len = 1; len <= maxLen; len++)
            {
                GazetteerKind found;
                if (len == 1 && known)
                {
                    h = words[i].GazetteerHash;
                    found = words[i].GazetteerFirst;
                }
                else
                {
                    h = Gazetteer.Extend(h, text.AsSpan(tokens[i + len - 1].Start, tokens[i + len - 1].Length), len == 1);
                    found = gazetteer.Lookup(h);
                }

                var kind = (int)(found & ~GazetteerKind.Continues);

                for (var b = 0; b < 4; b++)
                {
                    if ((kind & (1 << b)) == 0)
                    {
                        continue;
                    }

                    bits[i] |= 1 << (2 * b);
                    for (var j = i + 1; j < i + len; j++)
                    {
                        bits[j] |= 1 << ((2 * b) + 1);
                    }
                }

                // No longer entry starts with these tokens: stop extending (most tokens stop after one lookup).
                if ((found & GazetteerKind.Continues) == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Short shape (runs collapsed: "Xx", "X.X.", "d,d") and long shape (capped at 12 chars).</summary>
    internal static (ulong Short, ulong Long) Shapes(ReadOnlySpan<char> w)
    {
        var hs = FeatureHash.Seed;
        var hl = FeatureHash.Seed;
        var last = '\0';
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : FeatureHash.NormalizeLower(c);
            if (i < 12)
            {
                hl = FeatureHash.Add(hl, s);
            }

            if (s != last)
            {
                hs = FeatureHash.Add(hs, s);
                last = s;
            }
        }

        return (hs, hl);
    }

    /// <summary>0 lower, 1 Capitalised, 2 ALLCAPS, 3 single capital, 4 mIxed, 5 digits, 6 alphanumeric, 7 other, 8 Capitalised abbreviation ("Sen.").</summary>
    internal static int CaseClass(ReadOnlySpan<char> w)
    {
        int upper = 0, lower = 0, digit = 0, other = 0;
        foreach (var c in w)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLetter(c))
            {
                lower++;
            }
            else if (char.IsDigit(c))
            {
                digit++;
            }
            else
            {
                other++;
            }
        }

        if (upper + lower == 0)
        {
            return digit > 0 && other == 0 ? 5 : digit > 0 ? 6 : 7;
        }

        if (digit > 0)
        {
            return 6;
        }

        if (upper == 0)
        {
            return 0;
        }

        if (char.IsUpper(w[0]))
        {
            if (w[^1] == '.' && lower > 0)
            {
                return 8;
            }

            return upper == 1 && lower == 0 ? 3 : lower == 0 ? 2 : 1;
        }

        return 4;
    }
}

using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Hashed features for the learned layers, shared by training (tools) and inference so they cannot drift:
/// VADER sub-scores, uni/bigrams with negation scope, and, for a target, position, clause, speech and
/// distance-weighted lexicon features.
/// </summary>
internal static partial class FeatureExtractor
{
    internal static readonly ulong Bias = TextHash.Of("#bias");
    private static readonly ulong Compound = TextHash.Of("#compound");
    private static readonly ulong CompoundBin = TextHash.Of("#compound-bin");
    private static readonly ulong PositiveShare = TextHash.Of("#pos");
    private static readonly ulong NegativeShare = TextHash.Of("#neg");
    private static readonly ulong Sum = TextHash.Of("#sum");
    private static readonly ulong NewsCompound = TextHash.Of("#news-compound");
    private static readonly ulong Unigram = TextHash.Of("#u");
    private static readonly ulong Stem = TextHash.Of("#stem");
    private static readonly ulong NegatedUnigram = TextHash.Of("#nu");
    private static readonly ulong Bigram = TextHash.Of("#b");
    private static readonly ulong Boundary = TextHash.Of("#|");
    private static readonly ulong TargetWord = TextHash.Of("#TARGET");
    private static readonly ulong Left = TextHash.Of("#L");
    private static readonly ulong Right = TextHash.Of("#R");
    private static readonly ulong ClauseUnigram = TextHash.Of("#cu");
    private static readonly ulong ClauseLeft = TextHash.Of("#cl");
    private static readonly ulong ClauseRight = TextHash.Of("#cr");
    private static readonly ulong Outside = TextHash.Of("#out");
    private static readonly ulong NearLeft = TextHash.Of("#dl");
    private static readonly ulong NearRight = TextHash.Of("#dr");
    private static readonly ulong Others = TextHash.Of("#others");
    private static readonly ulong CrossClause = TextHash.Of("#x-clause");
    private static readonly ulong CrossCompound = TextHash.Of("#x-compound");
    private static readonly ulong SubjectFlag = TextHash.Of("#subject");
    private static readonly ulong AuxiliaryFlag = TextHash.Of("#aux");
    private static readonly ulong AgentFlag = TextHash.Of("#by");
    private static readonly ulong SpeakerFlag = TextHash.Of("#speaker");
    private static readonly ulong InQuoteFlag = TextHash.Of("#inquote");
    private static readonly ulong QuotedFlag = TextHash.Of("#quoted");
    private static readonly ulong PronounFlag = TextHash.Of("#pronoun");
    private static readonly ulong PossessiveFlag = TextHash.Of("#possessive");
    private static readonly ulong ObjectFlag = TextHash.Of("#object");
    private static readonly ulong OtherName = TextHash.Of("#NAME");
    private static readonly ulong ValencePosition = TextHash.Of("#vpos");
    private static readonly ulong NearestValence = TextHash.Of("#nearest");
    private static readonly ulong NearestWord = TextHash.Of("#nearest-word");
    private static readonly ulong BoundaryBigram = TextHash.Combine(Bigram, Boundary);
    private static readonly ulong TargetBigram = TextHash.Combine(Bigram, TargetWord);

    private const int StemLength = 5;

    /// <summary>Features of a whole sentence (target-blind).</summary>
    public static void Sentence(SentimentWorkspace ws, in VaderScore vader, FeatureVector features)
    {
        features.Clear();
        AddSentence(ws, vader, features, -1, -1);
    }

    /// <summary>Features of the sentiment toward tokens [targetFrom, targetTo) of the sentence.</summary>
    /// <param name="ws">The tokenized sentence.</param>
    /// <param name="vader">Its VADER scores.</param>
    /// <param name="targetFrom">First token of the target.</param>
    /// <param name="targetTo">Token after the target.</param>
    /// <param name="features">Receives the features.</param>
    /// <param name="wordClasses">Word-vector classes of context words (none when null).</param>
    public static void Target(SentimentWorkspace ws, in VaderScore vader, int targetFrom, int targetTo, FeatureVector features, WordClasses? wordClasses = null)
    {
        features.Clear();
        AddSentence(ws, vader, features, targetFrom, targetTo);
        AddTarget(ws, vader, targetFrom, targetTo, features);
        if (wordClasses is not null)
        {
            AddWordClasses(ws, targetFrom, targetTo, wordClasses, features);
        }
    }

    private static void AddSentence(SentimentWorkspace ws, in VaderScore vader, FeatureVector f, int targetFrom, int targetTo)
    {
        f.Add(Bias);
        f.Add(Compound, vader.Compound);
        f.Add(TextHash.Combine(CompoundBin, (ulong)(int)MathF.Round((vader.Compound + 1) * 5)));
        f.Add(PositiveShare, vader.Positive);
        f.Add(NegativeShare, vader.Negative);
        f.Add(Sum, Math.Clamp(vader.Sum / 4, -2f, 2f));
        f.Add(NewsCompound, vader.NewsCompound);

        var t = ws.Tokens.AsSpan(0, ws.Count);
        var cached = targetFrom >= 0 ? HashesOf(ws) : null;
        var negationScope = 0;

        // Combine(Bigram, previous word): a bigram is Combine(Bigram, previous, word) = Combine(this, word).
        var previousBigram = BoundaryBigram;
        for (var i = 0; i < t.Length; i++)
        {
            var inTarget = i >= targetFrom && i < targetTo;
            if (inTarget && i > targetFrom)
            {
                continue;
            }

            ref readonly var token = ref t[i];
            if (token.Has(TokenFlags.PunctuationOnly))
            {
                previousBigram = BoundaryBigram;
                negationScope = 0;
                continue;
            }

            ulong h, unigram;
            if (inTarget)
            {
                h = TargetWord;
                unigram = TextHash.Combine(negationScope > 0 ? NegatedUnigram : Unigram, h);
            }
            else if (cached is not null)
            {
                h = cached.Word[i];
                unigram = negationScope > 0 ? cached.NegatedUnigram[i] : cached.Unigram[i];
            }
            else
            {
                h = t[i].Hash;
                unigram = TextHash.Combine(negationScope > 0 ? NegatedUnigram : Unigram, h);
            }

            var weight = 1f;
            if (targetFrom >= 0)
            {
                // Words near the target say more about it than words far away.
                var d = i < targetFrom ? targetFrom - i : Math.Max(0, i - targetTo + 1);
                weight = 0.4f + (0.6f / (1 + (d / 4f)));
            }

            f.Add(unigram, weight);
            if (!inTarget && token.Length > StemLength)
            {
                // A crude stem (the first letters) shares evidence between "criticized", "criticism", "critics".
                f.Add(cached is not null ? cached.Stem[i] : StemFeature(ws, token));
            }

            f.Add(TextHash.Combine(previousBigram, h));
            previousBigram = inTarget ? TargetBigram : cached is not null ? cached.BigramLeft[i] : TextHash.Combine(Bigram, h);
            negationScope = token.IsNegated ? 3 : Math.Max(0, negationScope - 1);
            var last = inTarget ? t[targetTo - 1] : token;
            if (last.Has(TokenFlags.ClauseEnd | TokenFlags.StopAfter))
            {
                negationScope = 0;
                f.Add(TextHash.Combine(previousBigram, Boundary));
                previousBigram = BoundaryBigram;
            }
        }

        f.Add(TextHash.Combine(previousBigram, Boundary));
    }

    private static ulong StemFeature(SentimentWorkspace ws, in Token token) =>
        TextHash.Combine(Stem, TextHash.Of(ws.Lower.AsSpan(token.Start, StemLength)));

    /// <summary>
    /// The sentence's target-independent hashes (<see cref="TargetHashes"/>), computed by the first target that asks:
    /// with a target, <see cref="WordHash"/> masks other names the same way whichever the target is.
    /// </summary>
    internal static TargetHashes HashesOf(SentimentWorkspace ws)
    {
        var hashes = ws.Hashes;
        if (hashes.Valid)
        {
            return hashes;
        }

        var t = ws.Tokens.AsSpan(0, ws.Count);
        hashes.EnsureCapacity(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var h = WordHash(t, i, 0);
            hashes.Word[i] = h;
            hashes.Unigram[i] = TextHash.Combine(Unigram, h);
            hashes.NegatedUnigram[i] = TextHash.Combine(NegatedUnigram, h);
            hashes.BigramLeft[i] = TextHash.Combine(Bigram, h);
            hashes.Stem[i] = t[i].Length > StemLength ? StemFeature(ws, t[i]) : 0;
            hashes.ClauseUnigram[i] = TextHash.Combine(ClauseUnigram, h);
        }

        hashes.Valid = true;
        return hashes;
    }

    /// <summary>
    /// A word's hash; with a target, other capitalized non-lexicon words mid-sentence (other names) share one
    /// placeholder so that what is said about them does not stick to their names.
    /// </summary>
    private static ulong WordHash(ReadOnlySpan<Token> t, int i, int targetFrom)
    {
        if (targetFrom >= 0 && i > 0 && t[i].Has(TokenFlags.Capitalized)
            && !t[i].Is(WordFlags.InLexicon) && !t[i - 1].Has(TokenFlags.StopAfter | TokenFlags.QuoteBefore))
        {
            return OtherName;
        }

        return t[i].Hash;
    }

    private static ulong DistanceBin(int d) => d switch
    {
        <= 1 => 1,
        2 => 2,
        3 => 3,
        <= 5 => 4,
        <= 8 => 5,
        _ => 6,
    };

    private static void AddTarget(SentimentWorkspace ws, in VaderScore vader, int from, int to, FeatureVector f)
    {
        var t = ws.Tokens.AsSpan(0, ws.Count);
        var v = ws.Valences.AsSpan(0, ws.Count);
        var hashes = HashesOf(ws);
        var (clauseStart, clauseEnd) = Clause(t, from, to);
        AddValencePositions(t, v, from, to, clauseStart, clauseEnd, f);
        AddNearestValences(t, v, from, to, f);
        for (var d = 1; d <= 4; d++)
        {
            var bin = (ulong)Math.Min(d, 3);
            if (from - d >= 0 && !t[from - d].Has(TokenFlags.PunctuationOnly))
            {
                f.Add(TextHash.Combine(Left, bin, WordHash(t, from - d, from)));
            }

            if (to - 1 + d < t.Length && !t[to - 1 + d].Has(TokenFlags.PunctuationOnly))
            {
                f.Add(TextHash.Combine(Right, bin, WordHash(t, to - 1 + d, from)));
            }
        }

        AddContextBigrams(t, from, to, f);

        float left = 0, right = 0, total = 0, nearLeft = 0, nearRight = 0;
        for (var i = 0; i < t.Length; i++)
        {
            total += v[i];
            if (i < from)
            {
                nearLeft += v[i] / (1 + from - i);
                if (i >= clauseStart)
                {
                    left += v[i];
                }
            }
            else if (i >= to)
            {
                nearRight += v[i] / (1 + i - to + 1);
                if (i <= clauseEnd)
                {
                    right += v[i];
                }
            }

            if (i >= clauseStart && i <= clauseEnd && (i < from || i >= to) && !t[i].Has(TokenFlags.PunctuationOnly))
            {
                f.Add(hashes.ClauseUnigram[i]);
            }
        }

        var clause = VaderScorer.Normalize(left + right);
        f.Add(ClauseLeft, VaderScorer.Normalize(left));
        f.Add(ClauseRight, VaderScorer.Normalize(right));
        f.Add(Outside, VaderScorer.Normalize(total - left - right));
        f.Add(NearLeft, VaderScorer.Normalize(nearLeft));
        f.Add(NearRight, VaderScorer.Normalize(nearRight));

        var others = 0;
        for (var i = 1; i < t.Length; i++)
        {
            if ((i < from || i >= to) && t[i].Has(TokenFlags.Capitalized) && !t[i - 1].Has(TokenFlags.StopAfter))
            {
                others++;
            }
        }

        f.Add(TextHash.Combine(Others, (ulong)Math.Min(others, 4)));

        var quoteDepth = 0;
        var quoted = false;
        for (var i = 0; i < t.Length; i++)
        {
            quoted |= t[i].Has(TokenFlags.QuoteBefore | TokenFlags.QuoteAfter);
            if (i < from)
            {
                quoteDepth += (t[i].Has(TokenFlags.QuoteBefore) ? 1 : 0) - (t[i].Has(TokenFlags.QuoteAfter) ? 1 : 0);
            }
        }

        var speaker = (to < t.Length && t[to].Is(WordFlags.Speech))
            || (to + 1 < t.Length && t[to + 1].Is(WordFlags.Speech))
            || (from > 0 && t[from - 1].Is(WordFlags.Speech));
        var lastTarget = t[to - 1];
        var possessive = lastTarget.Length > 2 && ws.Lower.AsSpan(lastTarget.Start + lastTarget.Length - 2, 2).SequenceEqual("'s");

        AddFlag(f, SubjectFlag, from == clauseStart, clause, vader.Compound);
        AddFlag(f, ObjectFlag, from > clauseStart && !t[from - 1].Is(WordFlags.By), clause, vader.Compound);
        AddFlag(f, AuxiliaryFlag, to < t.Length && t[to].Is(WordFlags.Auxiliary), clause, vader.Compound);
        AddFlag(f, AgentFlag, from > 0 && t[from - 1].Is(WordFlags.By), clause, vader.Compound);
        AddFlag(f, SpeakerFlag, speaker, clause, vader.Compound);
        AddFlag(f, InQuoteFlag, quoteDepth > 0 || t[from].Has(TokenFlags.QuoteBefore), clause, vader.Compound);
        AddFlag(f, QuotedFlag, quoted, clause, vader.Compound);
        AddFlag(f, PronounFlag, t[from].Is(WordFlags.Pronoun), clause, vader.Compound);
        AddFlag(f, PossessiveFlag, possessive, clause, vader.Compound);
    }

    private static void AddValencePositions(ReadOnlySpan<Token> t, ReadOnlySpan<float> v, int from, int to, int clauseStart, int clauseEnd, FeatureVector f)
    {
        // Valence by side, distance and clause: what is said near the target, on which side, counts differently.
        for (var i = 0; i < t.Length; i++)
        {
            if (v[i] == 0 || (i >= from && i < to))
            {
                continue;
            }

            var side = i < from ? 1UL : 2UL;
            var d = i < from ? from - i : i - to + 1;
            var inClause = i >= clauseStart && i <= clauseEnd ? 1UL : 0UL;
            var sign = v[i] > 0 ? 1UL : 0UL;
            f.Add(TextHash.Combine(TextHash.Combine(ValencePosition, side, DistanceBin(d)), inClause, sign), MathF.Abs(v[i]) / 2);
        }
    }

    private static void AddNearestValences(ReadOnlySpan<Token> t, ReadOnlySpan<float> v, int from, int to, FeatureVector f)
    {
        // The nearest sentiment word on each side: its sign, distance and the word itself.
        for (var i = from - 1; i >= 0; i--)
        {
            if (v[i] != 0)
            {
                var sign = v[i] > 0 ? 1UL : 0UL;
                f.Add(TextHash.Combine(NearestValence, 1UL, TextHash.Combine(sign, DistanceBin(from - i))), MathF.Abs(v[i]) / 2);
                f.Add(TextHash.Combine(NearestWord, 1UL, t[i].Hash));
                break;
            }
        }

        for (var i = to; i < t.Length; i++)
        {
            if (v[i] != 0)
            {
                var sign = v[i] > 0 ? 1UL : 0UL;
                f.Add(TextHash.Combine(NearestValence, 2UL, TextHash.Combine(sign, DistanceBin(i - to + 1))), MathF.Abs(v[i]) / 2);
                f.Add(TextHash.Combine(NearestWord, 2UL, t[i].Hash));
                break;
            }
        }
    }

    private static void AddContextBigrams(ReadOnlySpan<Token> t, int from, int to, FeatureVector f)
    {
        // Context bigrams on each side of the target ("criticized X", "X won", "X has been").
        if (from >= 2)
        {
            f.Add(TextHash.Combine(Left, 9UL, TextHash.Combine(WordHash(t, from - 2, from), WordHash(t, from - 1, from))));
        }

        if (to + 1 < t.Length)
        {
            f.Add(TextHash.Combine(Right, 9UL, TextHash.Combine(WordHash(t, to, from), WordHash(t, to + 1, from))));
        }
    }

    private static void AddFlag(FeatureVector f, ulong flag, bool on, float clause, float compound)
    {
        if (!on)
        {
            return;
        }

        f.Add(flag);
        f.Add(TextHash.Combine(CrossClause, flag), clause);
        f.Add(TextHash.Combine(CrossCompound, flag), compound);
    }

    /// <summary>The clause around the target: bounded by , ; : dashes, sentence stops, quotes, "but" and clause words.</summary>
    private static (int Start, int End) Clause(ReadOnlySpan<Token> t, int from, int to)
    {
        var start = 0;
        for (var i = from - 1; i >= 0; i--)
        {
            if (t[i].Has(TokenFlags.ClauseEnd | TokenFlags.StopAfter | TokenFlags.QuoteAfter) || t[i].Is(WordFlags.But | WordFlags.ClauseWord))
            {
                start = i + 1;
                break;
            }

            if (t[i].Has(TokenFlags.QuoteBefore))
            {
                start = i;
                break;
            }
        }

        var end = t.Length - 1;
        if (t[to - 1].Has(TokenFlags.ClauseEnd | TokenFlags.StopAfter))
        {
            return (start, to - 1);
        }

        for (var i = to; i < t.Length; i++)
        {
            if (t[i].Has(TokenFlags.QuoteBefore) || t[i].Is(WordFlags.But | WordFlags.ClauseWord))
            {
                end = i - 1;
                break;
            }

            if (t[i].Has(TokenFlags.ClauseEnd | TokenFlags.StopAfter | TokenFlags.QuoteAfter))
            {
                end = i;
                break;
            }
        }

        return (start, end);
    }
}

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Hashed features for the learned layers, shared by training (tools) and inference so they cannot drift:
/// VADER sub-scores, uni/bigrams with negation scope, and, for a target, position, clause, speech and
/// distance-weighted lexicon features.
/// </summary>
internal static class FeatureExtractor
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

    private const int StemLength = 5;

    /// <summary>Features of a whole sentence (target-blind).</summary>
    public static void Sentence(SentimentWorkspace ws, in VaderScore vader, FeatureVector features)
    {
        features.Clear();
        AddSentence(ws, vader, features, -1, -1);
    }

    /// <summary>Features of the sentiment toward tokens [targetFrom, targetTo) of the sentence.</summary>
    public static void Target(SentimentWorkspace ws, in VaderScore vader, int targetFrom, int targetTo, FeatureVector features)
    {
        features.Clear();
        AddSentence(ws, vader, features, targetFrom, targetTo);
        AddTarget(ws, vader, targetFrom, targetTo, features);
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
        var negationScope = 0;
        var previous = Boundary;
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
                previous = Boundary;
                negationScope = 0;
                continue;
            }

            var h = inTarget ? TargetWord : token.Hash;
            f.Add(TextHash.Combine(negationScope > 0 ? NegatedUnigram : Unigram, h));
            if (!inTarget && token.Length > StemLength)
            {
                // A crude stem (the first letters) shares evidence between "criticized", "criticism", "critics".
                f.Add(TextHash.Combine(Stem, TextHash.Of(ws.Lower.AsSpan(token.Start, StemLength))));
            }

            f.Add(TextHash.Combine(Bigram, previous, h));
            previous = h;
            negationScope = token.IsNegated ? 3 : Math.Max(0, negationScope - 1);
            var last = inTarget ? t[targetTo - 1] : token;
            if (last.Has(TokenFlags.ClauseEnd | TokenFlags.StopAfter))
            {
                negationScope = 0;
                f.Add(TextHash.Combine(Bigram, previous, Boundary));
                previous = Boundary;
            }
        }

        f.Add(TextHash.Combine(Bigram, previous, Boundary));
    }

    private static void AddTarget(SentimentWorkspace ws, in VaderScore vader, int from, int to, FeatureVector f)
    {
        var t = ws.Tokens.AsSpan(0, ws.Count);
        var v = ws.Valences.AsSpan(0, ws.Count);

        for (var d = 1; d <= 4; d++)
        {
            var bin = (ulong)Math.Min(d, 3);
            if (from - d >= 0 && !t[from - d].Has(TokenFlags.PunctuationOnly))
            {
                f.Add(TextHash.Combine(Left, bin, t[from - d].Hash));
            }

            if (to - 1 + d < t.Length && !t[to - 1 + d].Has(TokenFlags.PunctuationOnly))
            {
                f.Add(TextHash.Combine(Right, bin, t[to - 1 + d].Hash));
            }
        }

        var (clauseStart, clauseEnd) = Clause(t, from, to);
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
                f.Add(TextHash.Combine(ClauseUnigram, t[i].Hash));
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

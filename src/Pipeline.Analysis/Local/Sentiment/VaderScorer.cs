namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// A faithful port of VADER's rules (vaderSentiment 3.3, MIT) over pre-tokenized words: negation (incl. "n't"),
/// boosters and dampeners, ALL-CAPS emphasis, "least", "but", special phrases and idioms, "!"/"?" amplification,
/// and the x/sqrt(x^2+15) normalization. Per-token valences are left in the workspace for the learned models.
/// </summary>
internal static class VaderScorer
{
    public static VaderScore Score(SentimentWorkspace ws, VaderLexicon lexicon)
    {
        var n = ws.Count;
        if (n == 0)
        {
            return VaderScore.Empty;
        }

        var tokens = ws.Tokens.AsSpan(0, n);
        var valences = ws.Valences.AsSpan(0, n);
        var capDiff = ws.AllCapsCount > 0 && ws.AllCapsCount < n;
        for (var i = 0; i < n; i++)
        {
            valences[i] = TokenValence(tokens, i, capDiff);
        }

        ApplyPhrases(tokens, valences, lexicon);
        ApplyBut(tokens, valences);
        return Aggregate(valences, Amplifier(ws.Exclamations, ws.Questions));
    }

    public static float Normalize(float score) =>
        Math.Clamp(score / MathF.Sqrt((score * score) + VaderRules.NormalizationAlpha), -1f, 1f);

    private static float TokenValence(ReadOnlySpan<Token> t, int i, bool capDiff)
    {
        ref readonly var item = ref t[i];
        if (item.Is(WordFlags.Booster) || (item.Is(WordFlags.Kind) && i < t.Length - 1 && t[i + 1].Is(WordFlags.Of)))
        {
            return 0;
        }

        if (!item.Is(WordFlags.InLexicon))
        {
            return 0;
        }

        var valence = item.Info.Valence;

        // "no" before another lexicon word negates that word instead of counting itself.
        if (item.Is(WordFlags.No) && i != t.Length - 1 && t[i + 1].Is(WordFlags.InLexicon))
        {
            valence = 0;
        }

        if ((i > 0 && t[i - 1].Is(WordFlags.No)) || (i > 1 && t[i - 2].Is(WordFlags.No))
            || (i > 2 && t[i - 3].Is(WordFlags.No) && t[i - 1].Is(WordFlags.OrNor)))
        {
            valence = item.Info.Valence * VaderRules.NegationScalar;
        }

        if (item.Has(TokenFlags.AllCaps) && capDiff)
        {
            valence += valence > 0 ? VaderRules.CapsIncrement : -VaderRules.CapsIncrement;
        }

        for (var back = 0; back < 3; back++)
        {
            if (i > back && !t[i - back - 1].Is(WordFlags.InLexicon))
            {
                var s = ScalarIncDec(t[i - back - 1], valence, capDiff);
                s *= back == 1 ? 0.95f : back == 2 ? 0.9f : 1f;
                valence = NegationCheck(valence + s, t, back, i);
            }
        }

        return LeastCheck(valence, t, i);
    }

    private static float ScalarIncDec(in Token word, float valence, bool capDiff)
    {
        if (!word.Is(WordFlags.Booster))
        {
            return 0;
        }

        var scalar = valence < 0 ? -word.Info.Booster : word.Info.Booster;
        if (word.Has(TokenFlags.AllCaps) && capDiff)
        {
            scalar += valence > 0 ? VaderRules.CapsIncrement : -VaderRules.CapsIncrement;
        }

        return scalar;
    }

    // Mirrors vaderSentiment's _negation_check, including its "so"/"this" emphasis at distance three.
    private static float NegationCheck(float valence, ReadOnlySpan<Token> t, int back, int i)
    {
        switch (back)
        {
            case 0:
                return t[i - 1].IsNegated ? valence * VaderRules.NegationScalar : valence;
            case 1:
                if (t[i - 2].Is(WordFlags.Never) && t[i - 1].Is(WordFlags.SoOrThis))
                {
                    return valence * 1.25f;
                }

                if (t[i - 2].Is(WordFlags.Without) && t[i - 1].Is(WordFlags.Doubt))
                {
                    return valence;
                }

                return t[i - 2].IsNegated ? valence * VaderRules.NegationScalar : valence;
            default:
                if ((t[i - 3].Is(WordFlags.Never) && t[i - 2].Is(WordFlags.SoOrThis)) || t[i - 1].Is(WordFlags.SoOrThis))
                {
                    return valence * 1.25f;
                }

                if (t[i - 3].Is(WordFlags.Without) && (t[i - 2].Is(WordFlags.Doubt) || t[i - 1].Is(WordFlags.Doubt)))
                {
                    return valence;
                }

                return t[i - 3].IsNegated ? valence * VaderRules.NegationScalar : valence;
        }
    }

    private static float LeastCheck(float valence, ReadOnlySpan<Token> t, int i)
    {
        if (i > 0 && t[i - 1].Is(WordFlags.Least) && !t[i - 1].Is(WordFlags.InLexicon))
        {
            // "at least good" and "very least" are not negations.
            if (i == 1 || !t[i - 2].Is(WordFlags.AtOrVery))
            {
                return valence * VaderRules.NegationScalar;
            }
        }

        return valence;
    }

    private static void ApplyPhrases(ReadOnlySpan<Token> t, Span<float> valences, VaderLexicon lexicon)
    {
        Span<ulong> hashes = stackalloc ulong[3];
        for (var i = 0; i < t.Length - 1; i++)
        {
            if (!t[i].Is(WordFlags.PhraseStart))
            {
                continue;
            }

            for (var len = Math.Min(3, t.Length - i); len >= 2; len--)
            {
                for (var k = 0; k < len; k++)
                {
                    hashes[k] = t[i + k].Hash;
                }

                if (lexicon.TryGetPhrase(VaderLexicon.PhraseHash(hashes[..len]), out var value))
                {
                    valences.Slice(i, len).Clear();
                    valences[i + len - 1] = value;
                    i += len - 1;
                    break;
                }
            }
        }
    }

    // The clause after "but" carries the weight: before it x0.5, after it x1.5.
    private static void ApplyBut(ReadOnlySpan<Token> t, Span<float> valences)
    {
        var but = -1;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i].Is(WordFlags.But))
            {
                but = i;
                break;
            }
        }

        if (but < 0)
        {
            return;
        }

        for (var i = 0; i < valences.Length; i++)
        {
            valences[i] *= i < but ? 0.5f : i > but ? 1.5f : 1f;
        }
    }

    private static float Amplifier(int exclamations, int questions)
    {
        var ep = Math.Min(exclamations, 4) * 0.292f;
        var qm = questions > 1 ? (questions <= 3 ? questions * 0.18f : 0.96f) : 0f;
        return ep + qm;
    }

    private static VaderScore Aggregate(ReadOnlySpan<float> valences, float amplifier)
    {
        float sum = 0, pos = 0, neg = 0, positiveSum = 0, negativeSum = 0;
        var neutral = 0;
        foreach (var v in valences)
        {
            sum += v;
            if (v > 0)
            {
                pos += v + 1;
                positiveSum += v;
            }
            else if (v < 0)
            {
                neg += v - 1;
                negativeSum += v;
            }
            else
            {
                neutral++;
            }
        }

        sum += sum > 0 ? amplifier : sum < 0 ? -amplifier : 0;
        var compound = Normalize(sum);
        if (pos > -neg)
        {
            pos += amplifier;
        }
        else if (pos < -neg)
        {
            neg -= amplifier;
        }

        var total = pos - neg + neutral;
        return total <= 0
            ? VaderScore.Empty
            : new VaderScore(sum, compound, pos / total, -neg / total, neutral / total, positiveSum, negativeSum);
    }
}

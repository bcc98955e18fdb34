using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Deterministic repairs of a decoded sentence's BIO tags, from regularities of organisation names that the tagger
/// (features see at most ±2 words) gets wrong at the edges of long names. One linear pass per rule, no allocation.
/// </summary>
internal static class TagRepair
{
    [Flags]
    internal enum Rules
    {
        None = 0,

        /// <summary>"[Liberal Party] of [Canada]" → one ORG: a span ending in an org head word runs on over "of/for" + a capitalised name.</summary>
        OfComplement = 1,

        /// <summary>"[Party of Freedom] and [Progress]LOC" → one ORG: a short "of/for" complement coordinated with "and" + one word.</summary>
        AndComplement = 2,

        /// <summary>"[Parti des Réformes] et des [Libertés de Wallonie]" → one ORG: non-English connectors join one name.</summary>
        ForeignJoin = 4,

        All = OfComplement | AndComplement | ForeignJoin,

        /// <summary>The rules that validated on the dev files and the held-out training quarters (EVAL.md).</summary>
        Shipped = AndComplement,
    }

    private const int Person = 0;
    private const int Org = 2;
    private static readonly int InsideOrg = NerTags.Parse("I-ORG");

    /// <summary>Applies the given rules in a fixed order; <paramref name="confidences"/> may be empty.</summary>
    public static void Apply(string text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, Span<float> confidences, Rules rules)
    {
        if ((rules & Rules.OfComplement) != 0)
        {
            ExtendOverComplement(text, tokens, tags, confidences);
        }

        if ((rules & Rules.AndComplement) != 0)
        {
            ExtendOverCoordinatedComplement(text, tokens, tags, confidences);
        }

        if ((rules & Rules.ForeignJoin) != 0)
        {
            JoinOverForeignConnectors(text, tokens, tags, confidences);
        }
    }

    private static ReadOnlySpan<char> Word(string text, ReadOnlySpan<TextSpan> tokens, int i) =>
        text.AsSpan(tokens[i].Start, tokens[i].Length);

    private static bool IsCapitalised(ReadOnlySpan<char> w) => w.Length > 0 && char.IsUpper(w[0]);

    private static bool IsOrgHead(ReadOnlySpan<char> w) =>
        IsCapitalised(w) && (NerLexicon.CueOf(w) & CueKind.OrgWord) != 0;

    private static bool IsOrg(int tag) => NerTags.TypeOf(tag) == Org;

    /// <summary>
    /// Moves <paramref name="i"/> to the start of the next ORG span at or after it (every rule repairs organisations);
    /// false when there is none.
    /// </summary>
    private static bool NextOrgSpan(ReadOnlySpan<int> tags, ref int i, out int end)
    {
        while (i < tags.Length)
        {
            if (tags[i] == NerTags.Outside)
            {
                i++;
                continue;
            }

            end = SpanEnd(tags, i);
            if (IsOrg(tags[i]))
            {
                return true;
            }

            i = end;
        }

        end = i;
        return false;
    }

    /// <summary>Index one past the entity span that starts at <paramref name="start"/>.</summary>
    private static int SpanEnd(ReadOnlySpan<int> tags, int start)
    {
        var type = NerTags.TypeOf(tags[start]);
        var end = start + 1;
        while (end < tags.Length && NerTags.IsInside(tags[end]) && NerTags.TypeOf(tags[end]) == type)
        {
            end++;
        }

        return end;
    }

    private static void MarkInside(Span<int> tags, Span<float> confidences, int i)
    {
        tags[i] = InsideOrg;
        if (!confidences.IsEmpty && i > 0)
        {
            // A repaired token carries the confidence of the name it joins, so the span's mean is not diluted.
            confidences[i] = confidences[i - 1];
        }
    }

    // "Member of Parliament for Upper Bann": a legislature + "for" names a constituency or party, not the body.
    private static bool IsLegislature(ReadOnlySpan<char> w) =>
        w.Equals("parliament", StringComparison.OrdinalIgnoreCase) || w.Equals("senate", StringComparison.OrdinalIgnoreCase)
        || w.Equals("assembly", StringComparison.OrdinalIgnoreCase);

    // Not "in": "X in Y" usually names the organisation's seat ("American Enterprise Institute in Washington").
    private static bool IsComplementConnector(ReadOnlySpan<char> w) => w is "of" or "for";

    private static void ExtendOverComplement(string text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, Span<float> confidences)
    {
        for (var i = 0; NextOrgSpan(tags, ref i, out var end); i = end)
        {
            // "Party of the Russian Federation": connector, optional "the", then a capitalised run.
            var j = end;
            if (j + 1 < tags.Length && IsOrgHead(Word(text, tokens, end - 1)) && tags[j] == NerTags.Outside
                && IsComplementConnector(Word(text, tokens, j))
                && !(Word(text, tokens, j) is "for" && IsLegislature(Word(text, tokens, end - 1))))
            {
                var k = j + 1;
                if (Word(text, tokens, k) is "the" && k + 1 < tags.Length)
                {
                    k++;
                }

                // A complement the tagger took for a person or an organisation of its own stays separate
                // ("Serbian People 's Party of Nenad Popović", "Swiss Super League for FC Basel").
                var runEnd = k;
                if (NerTags.TypeOf(tags[k]) is not (Person or Org))
                {
                    while (runEnd < tags.Length && IsCapitalised(Word(text, tokens, runEnd))
                        && (runEnd == k || tags[runEnd] == NerTags.Outside || NerTags.IsInside(tags[runEnd])))
                    {
                        runEnd++;
                    }
                }

                if (runEnd > k)
                {
                    for (var m = j; m < runEnd; m++)
                    {
                        MarkInside(tags, confidences, m);
                    }

                    end = runEnd;
                }
            }
        }
    }

    // "Alliance of Slavonia and Baranja", "Academy of Arts and Sciences": when an ORG span ends in a short
    // complement (one or two capitalised words after "of"/"for"), "and" + one more capitalised word that the tagger
    // did not take for an organisation or person of its own usually continues the complement.
    private static void ExtendOverCoordinatedComplement(string text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, Span<float> confidences)
    {
        for (var i = 0; NextOrgSpan(tags, ref i, out var end); i = end)
        {
            if (end + 1 < tags.Length && tags[end] == NerTags.Outside && Word(text, tokens, end) is "and"
                && EndsInShortComplement(text, tokens, i, end))
            {
                // One coordinated word, which ends the name: not a multi-word name of its own ("Australia and
                // New Zealand"), nor the head of the next name ("Svaneti and Principality of Abkhazia"), nor a
                // possessor ("University of Birmingham and London 's").
                var k = end + 1;
                var w = Word(text, tokens, k);
                if (IsCapitalised(w) && NerTags.TypeOf(tags[k]) is not (Person or Org) && !IsOrgHead(w)
                    && (k + 1 == tags.Length || !IsCapitalised(Word(text, tokens, k + 1)) && !IsComplementConnector(Word(text, tokens, k + 1))
                        && Word(text, tokens, k + 1) is not ("'s" or "'")))
                {
                    MarkInside(tags, confidences, end);
                    MarkInside(tags, confidences, k);
                    end = k + 1;
                }
            }
        }
    }

    private static bool EndsInShortComplement(string text, ReadOnlySpan<TextSpan> tokens, int start, int end)
    {
        for (var c = end - 2; c >= Math.Max(start + 1, end - 3); c--)
        {
            if (Word(text, tokens, c) is "of" or "for")
            {
                return true;
            }
        }

        return false;
    }

    // Connectors of Romance/Slavic/other party names that are not English words.
    private static bool IsForeignConnector(ReadOnlySpan<char> w) =>
        w is "de" or "des" or "du" or "la" or "le" or "les" or "del" or "della" or "di" or "et" or "pour" or "en"
            or "ni" or "za" or "y" or "e" or "per" or "por" or "para" or "da" or "do" or "dos" or "das" or "und" or "für";

    // Two ORG spans (or an ORG span and a capitalised untagged run) separated only by one or two foreign
    // connectors are one name.
    private static void JoinOverForeignConnectors(string text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, Span<float> confidences)
    {
        for (var i = 0; NextOrgSpan(tags, ref i, out var end); i = end)
        {
            var k = end;
            while (k < tags.Length && k - end < 2 && tags[k] == NerTags.Outside && IsForeignConnector(Word(text, tokens, k)))
            {
                k++;
            }

            if (k > end && k < tags.Length && IsCapitalised(Word(text, tokens, k))
                && (tags[k] == NerTags.Outside || IsOrg(tags[k])))
            {
                var runEnd = tags[k] == NerTags.Outside ? k : SpanEnd(tags, k);
                while (runEnd < tags.Length && tags[runEnd] == NerTags.Outside && IsCapitalised(Word(text, tokens, runEnd)))
                {
                    runEnd++;
                }

                for (var m = end; m < runEnd; m++)
                {
                    MarkInside(tags, confidences, m);
                }

                // Look at the joined span again from its start: it may join once more ("A et B et C").
                end = i;
            }
        }
    }
}

using System.Collections.Frozen;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Finds a document's entity mentions: the trained tagger's PER/LOC/ORG/MISC spans mapped to Azure categories
/// (titles and possessives trimmed), then rule-based DateTime, Quantity and PersonType on the remaining tokens.
/// MISC becomes Event when an event word is in it ("election", "summit", "war", ...), Product when a product
/// word is ("iPhone", "Windows", ...); other MISC (nationalities, ideologies, titles of works) is not reported,
/// since Azure has no catch-all category.
/// </summary>
public sealed class EntityRecognizer(NerTagger tagger)
{
    private static readonly FrozenSet<string> EventWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "election", "elections", "war", "summit", "olympics", "games", "championship", "championships", "cup", "conference",
        "convention", "primary", "primaries", "caucus", "caucuses", "debate", "debates", "festival", "revolution", "crisis",
        "referendum", "protests", "protest", "strike", "attack", "attacks", "massacre", "hurricane", "storm", "cyclone",
        "earthquake", "pandemic", "tournament", "awards", "prize", "forum", "rally", "marathon", "series", "open", "expo",
        "uprising", "spring", "movement", "day", "week", "shooting", "bombing", "scandal", "riots", "treaty", "accord");

    private static readonly FrozenSet<string> ProductWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "iphone", "ipad", "mac", "macbook", "windows", "android", "xbox", "playstation", "kindle", "galaxy", "pixel",
        "chatgpt", "boeing", "airbus", "model", "linux", "office", "excel", "facebook", "twitter", "tiktok");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EventLookup = EventWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ProductLookup = ProductWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static EntityRecognizer Default => LazyDefault.Value;

    private static readonly Lazy<EntityRecognizer> LazyDefault = new(() => new EntityRecognizer(NerTagger.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Mentions in document order.</summary>
    /// <param name="text">The document.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Sentences as token ranges.</param>
    public List<DetectedMention> Find(string text, IReadOnlyList<TextSpan> tokens, IReadOnlyList<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var all = TextSpans.AsSpan(tokens);

        // Tagging and the span rules read all-caps headlines cased; mentions keep their offsets in the text.
        text = HeadlineCasing.Case(text, all, sentences);
        var tags = new int[tokens.Count];
        var confidences = new float[tokens.Count];
        var taken = new bool[tokens.Count];
        var mentions = new List<DetectedMention>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var range = sentences[s];
            var sentTokens = all.Slice(range.Start, range.Length);
            bool? titleCase = null;
            tagger.Tag(text, sentTokens, tags.AsSpan(range.Start, range.Length), confidences.AsSpan(range.Start, range.Length));
            if (HasAdjacentSpans(tags.AsSpan(range.Start, range.Length)))
            {
                titleCase = IsTitleCase(text, sentTokens);
                if (titleCase.Value)
                {
                    JoinSplitHeadlineNames(text, all, range, tags.AsSpan(range.Start, range.Length));
                }
            }

            foreach (var (spanStart, spanEnd, type) in NerTags.Spans(tags.AsSpan(range.Start, range.Length)))
            {
                var first = range.Start + spanStart;
                var end = range.Start + spanEnd;
                var category = type switch
                {
                    0 => EntityCategories.Person,
                    1 => EntityCategories.Location,
                    2 => EntityCategories.Organization,
                    _ => MiscCategory(text, all, first, end),
                };
                (first, end) = Trim(text, all, first, end, category == EntityCategories.Person);
                if (category == EntityCategories.Person)
                {
                    end = CutAtPossessive(text, all, first, end);
                }

                if (category is not null && first < end)
                {
                    end = NameHeads.CutHeadlineVerbs(text, all, first, end);
                    category = NameHeads.Categorize(text, all, first, end, category);
                }

                if (end - first >= 2 && category is not null)
                {
                    titleCase ??= IsTitleCase(text, sentTokens);
                    if (titleCase.Value)
                    {
                        bool confirmed;
                        (first, end, confirmed) = KnownSubSpan(text, all, range, first, end, category == EntityCategories.Person);
                        if (!confirmed && MeanConfidence(confidences, first, end) < UnconfirmedHeadlineMinConfidence)
                        {
                            continue;
                        }
                    }
                }

                if (category is null || first >= end)
                {
                    continue;
                }

                taken.AsSpan(first, end - first).Fill(true);
                var start = all[first].Start;
                mentions.Add(new DetectedMention(start, all[end - 1].End - start, category, null, Math.Round(MeanConfidence(confidences, first, end), 3), s, first, end));
            }

            NameHeads.AddUntaggedOrganisations(text, all, range, s, taken, mentions);
            RuleEntities.Find(text, all, range.Start, range.End, s, taken, mentions, NerTagger.LastSentenceWords(range.Length));
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private static string? MiscCategory(string text, ReadOnlySpan<TextSpan> tokens, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            var w = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (EventLookup.Contains(w) || (k == first && end - first > 1 && w.Length == 4 && char.IsAsciiDigit(w[0]) && char.IsAsciiDigit(w[3])))
            {
                return EntityCategories.Event;
            }

            if (ProductLookup.Contains(w))
            {
                return EntityCategories.Product;
            }
        }

        return null;
    }

    /// <summary>Drops leading titles (persons) and articles, and trailing possessives and punctuation.</summary>
    private static (int First, int End) Trim(string text, ReadOnlySpan<TextSpan> tokens, int first, int end, bool person)
    {
        while (first < end)
        {
            var w = text.AsSpan(tokens[first].Start, tokens[first].Length);
            var isTitle = person && end - first > 1 && (NerLexicon.CueOf(w) & CueKind.Title) != 0;
            if (isTitle || w is "the" or "The" || !char.IsLetterOrDigit(w[0]))
            {
                first++;
                continue;
            }

            break;
        }

        while (end > first)
        {
            var w = text.AsSpan(tokens[end - 1].Start, tokens[end - 1].Length);
            if (IsPossessive(w) || !char.IsLetterOrDigit(w[^1]) && w[^1] != '.')
            {
                end--;
                continue;
            }

            break;
        }

        return (first, end);
    }

    /// <summary>A person's name ends at a possessive ("Bernie Sanders' People Have A Plan").</summary>
    private static int CutAtPossessive(string text, ReadOnlySpan<TextSpan> tokens, int first, int end)
    {
        for (var k = first + 1; k < end; k++)
        {
            if (IsPossessive(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                return k;
            }
        }

        return end;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleCaseExempt = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by", "with", "as", "vs", "vs.", "from", "into", "over", "per")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A Title Case line (a headline): nearly every word that is not a short function word is capitalised, so
    /// capitalisation says nothing about where a name ends.
    /// </summary>
    internal static bool IsTitleCase(string text, ReadOnlySpan<TextSpan> sentence)
    {
        int words = 0, capitalised = 0;
        foreach (var t in sentence)
        {
            var w = text.AsSpan(t.Start, t.Length);
            if (!char.IsLetter(w[0]) || TitleCaseExempt.Contains(w))
            {
                continue;
            }

            words++;
            if (char.IsUpper(w[0]))
            {
                capitalised++;
            }
        }

        return words >= 4 && capitalised * 10 >= words * 9;
    }

    /// <summary>
    /// In a title-case sentence (a headline) capitals do not mark names, so a span is trusted only as far as the
    /// document confirms it:
    /// <list type="bullet">
    /// <item>the whole span occurs elsewhere: kept;</item>
    /// <item>else the longest confirmed sub-span of 2+ tokens ("Victor Hale Faces Growing Scandal" → "Victor Hale");</item>
    /// <item>else, for a person, the span up to its last confirmed word ("Bernie Sanders Wins" → "Bernie Sanders" when the
    /// body says "Sanders"), or the whole span when it starts with a known first name; for others, a confirmed first word;</item>
    /// <item>else a 2–3 token span that is not a person is kept when the tagger is fairly sure of it (unconfirmed: see
    /// the caller), and anything else (a run of headline words such as "Harbor Cleanup" or "Residents Cheer As Ferry
    /// Service Returns") is dropped: empty range.</item>
    /// </list>
    /// </summary>
    private static (int First, int End, bool Confirmed) KnownSubSpan(string text, ReadOnlySpan<TextSpan> tokens, TextSpan sentence, int first, int end, bool person)
    {
        var outsideFrom = tokens[sentence.Start].Start;
        var outsideTo = tokens[sentence.End - 1].End;
        if (OccursElsewhere(text, tokens, first, end, outsideFrom, outsideTo))
        {
            return (first, end, true);
        }

        for (var len = end - first - 1; len >= 2; len--)
        {
            for (var a = first; a + len <= end; a++)
            {
                if (OccursElsewhere(text, tokens, a, a + len, outsideFrom, outsideTo))
                {
                    return (a, a + len, true);
                }
            }
        }

        if (person)
        {
            for (var last = end - 1; last >= first; last--)
            {
                if (OccursElsewhere(text, tokens, last, last + 1, outsideFrom, outsideTo))
                {
                    return (first, last + 1, true);
                }
            }

            var firstName = (Gazetteer.Default.Lookup(text, tokens, first, first + 1) & GazetteerKind.FirstName) != 0;
            return firstName ? (first, end, true) : (first, first, true);
        }

        if (OccursElsewhere(text, tokens, first, first + 1, outsideFrom, outsideTo))
        {
            return (first, first + 1, true);
        }

        return end - first <= 3 ? (first, end, false) : (first, first, true);
    }

    /// <summary>A span begins right where another ends (B-X after a tag other than O).</summary>
    private static bool HasAdjacentSpans(ReadOnlySpan<int> tags)
    {
        for (var i = 1; i < tags.Length; i++)
        {
            if (NerTags.IsBegin(tags[i]) && tags[i - 1] != NerTags.Outside)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// In a headline the tagger's boundaries follow the capitals, not the names ("Will [Bernie] [Sanders Win The Iowa
    /// Caucus]"). When two adjacent spans hold a 2+ token phrase across their boundary that occurs elsewhere in the
    /// document ("Bernie Sanders"), the longest such phrase becomes one span of the type of the span it starts in;
    /// the rest of each span keeps its own type (and goes through <see cref="KnownSubSpan"/> like any headline span).
    /// </summary>
    private static void JoinSplitHeadlineNames(string text, ReadOnlySpan<TextSpan> tokens, TextSpan sentence, Span<int> tags)
    {
        var outsideFrom = tokens[sentence.Start].Start;
        var outsideTo = tokens[sentence.End - 1].End;
        var spans = NerTags.Spans(tags);
        for (var k = 0; k + 1 < spans.Count; k++)
        {
            var (s1, e1, type1) = spans[k];
            var (s2, e2, type2) = spans[k + 1];
            if (s2 != e1)
            {
                continue;
            }

            var (a, b) = LongestConfirmedAcross(text, tokens, sentence.Start, s1, e1, e2, outsideFrom, outsideTo);
            if (b <= a)
            {
                continue;
            }

            tags[a] = NerTags.Begin(type1);
            for (var i = a + 1; i < b; i++)
            {
                tags[i] = NerTags.Inside(type1);
            }

            if (b < e2)
            {
                tags[b] = NerTags.Begin(type2);
            }

            k++; // the second span changed: it does not join the next one in this pass.
        }
    }

    /// <summary>The longest phrase [a, b) with first ≤ a &lt; boundary &lt; b ≤ end (sentence offsets) found elsewhere in the text, or (0, 0).</summary>
    private static (int A, int B) LongestConfirmedAcross(string text, ReadOnlySpan<TextSpan> tokens, int offset, int first, int boundary, int end, int outsideFrom, int outsideTo)
    {
        for (var len = end - first; len >= 2; len--)
        {
            for (var a = Math.Max(first, boundary - len + 1); a < boundary && a + len <= end; a++)
            {
                if (OccursElsewhere(text, tokens, offset + a, offset + a + len, outsideFrom, outsideTo))
                {
                    return (a, a + len);
                }
            }
        }

        return (0, 0);
    }

    // An unconfirmed 2–3 token headline span is kept only when the tagger is fairly sure of it (mean tag confidence):
    // in Title Case every word looks like a name ("Sanders' People Have A Plan" tagged Location at 0.46).
    private const double UnconfirmedHeadlineMinConfidence = 0.5;

    private static double MeanConfidence(ReadOnlySpan<float> confidences, int first, int end)
    {
        double sum = 0;
        for (var k = first; k < end; k++)
        {
            sum += confidences[k];
        }

        return sum / (end - first);
    }

    private static bool OccursElsewhere(string text, ReadOnlySpan<TextSpan> tokens, int first, int end, int skipFrom, int skipTo)
    {
        var phrase = text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start);
        var searchFrom = 0;
        while (searchFrom < text.Length)
        {
            var at = text.AsSpan(searchFrom).IndexOf(phrase, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += searchFrom;
            var after = at + phrase.Length;
            var bounded = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (after >= text.Length || !char.IsLetterOrDigit(text[after]));
            if (bounded && (after <= skipFrom || at >= skipTo))
            {
                return true;
            }

            searchFrom = at + 1;
        }

        return false;
    }

    internal static bool IsPossessive(ReadOnlySpan<char> w) => w is "'s" or "\u2019s" or "'" or "\u2019" or "'S";
}

using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Category fixes after tagging, from what a name is made of. A multi-word name ending in an organisation head
/// ("Brightwater Energy", "Philadelphia Inquirer", "Acme Inc.") is an organisation whatever the tagger said; one ending
/// in a building head ("West Wing", "Trump Tower") is a place; a name does not run into a headline verb ("Trump
/// Claims"); a known organisation (curated list, see NOTICE.md) tagged as a person is an organisation ("Goldman
/// Sachs"); "No. 1" is a number, not a name.
/// </summary>
internal static class NameHeads
{
    // Last words that make a name an organisation. Not "union", "federation", "bank" or "republic": "Soviet Union",
    // "Russian Federation", "West Bank" are places.
    private static readonly FrozenSet<string> OrganisationHeads = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "inc", "corp", "corporation", "co", "company", "companies", "llc", "ltd", "plc", "group", "holdings", "partners",
        "capital", "energy", "airlines", "airways", "motors", "industries", "technologies", "pharmaceuticals", "media",
        "entertainment", "communications", "studios", "records", "party", "committee", "commission", "council",
        "association", "institute", "foundation", "university", "college", "agency", "ministry", "society", "bureau",
        "post", "times", "inquirer", "journal", "tribune", "herald", "gazette", "chronicle", "examiner", "observer",
        "globe", "telegraph", "dispatch", "courier", "bulletin", "magazine", "news", "network", "newspaper", "monthly",
        "weekly", "reuters");

    // Last words that make a name a building or part of one (Azure files them under Location).
    private static readonly FrozenSet<string> BuildingHeads = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "tower", "towers", "wing", "building", "plaza", "stadium", "arena", "palace", "colonnade", "airport");

    // Verbs of headlines: a name does not end in one ("Trump Claims Victory" is Trump + a verb).
    private static readonly FrozenSet<string> HeadlineVerbs = FrozenSet.Create(
        StringComparer.Ordinal,
        "Says", "Said", "Claims", "Wins", "Won", "Calls", "Backs", "Slams", "Rallies", "Faces", "Urges", "Vows", "Warns",
        "Seeks", "Signs", "Blasts", "Denies", "Defends", "Rejects", "Endorses", "Accuses", "Attacks", "Announces",
        "Responds", "Meets", "Visits", "Praises", "Criticizes", "Criticises", "Loses", "Lost", "Admits", "Pledges",
        "Threatens", "Tells", "Asks", "Insists", "Demands", "Fires", "Hits", "Mocks", "Touts", "Unveils", "Drops",
        "Quits", "Leads", "Trails", "Sues", "Blames", "Predicts", "Promises", "Questions", "Reveals");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadlineVerbLookup = HeadlineVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationHeadLookup = OrganisationHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildingHeadLookup = BuildingHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> KnownOrganisations = new(
        () => LoadKnownOrganisations().GetAlternateLookup<ReadOnlySpan<char>>(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Confidence of an organisation found by its head word rather than by the tagger.</summary>
    public const double HeadWordConfidence = 0.5;

    /// <summary>
    /// Capitalised runs the tagger left untagged that end in an organisation head ("fined Brightwater Energy $48
    /// million") are organisations. Not in Title Case lines, where every word is capitalised.
    /// </summary>
    public static void AddUntaggedOrganisations(string text, ReadOnlySpan<Text.TextSpan> tokens, Text.TextSpan sentence, int sentenceIndex, bool[] taken, List<DetectedMention> mentions)
    {
        bool? titleCase = null;
        var k = sentence.Start;
        while (k < sentence.End)
        {
            if (taken[k] || !IsCapitalisedWord(text, tokens[k]))
            {
                k++;
                continue;
            }

            var start = k;
            while (k < sentence.End && !taken[k] && IsCapitalisedWord(text, tokens[k]))
            {
                k++;
            }

            if (text.AsSpan(tokens[start].Start, tokens[start].Length) is "The")
            {
                start++;
            }

            if (k - start < 2 || !OrganisationHeadLookup.Contains(WithoutPeriod(text.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length))))
            {
                continue;
            }

            titleCase ??= EntityRecognizer.IsTitleCase(text, tokens.Slice(sentence.Start, sentence.Length));
            if (titleCase.Value)
            {
                return;
            }

            taken.AsSpan(start, k - start).Fill(true);
            mentions.Add(new DetectedMention(tokens[start].Start, tokens[k - 1].End - tokens[start].Start, EntityCategories.Organization, null, HeadWordConfidence, sentenceIndex, start, k));
        }
    }

    // A word with a capital first letter and a lower-case letter after it ("Energy", "Inc."), not an acronym or a number.
    private static bool IsCapitalisedWord(string text, Text.TextSpan token)
    {
        if (token.Length < 2 || !char.IsUpper(text[token.Start]))
        {
            return false;
        }

        foreach (var c in text.AsSpan(token.Start + 1, token.Length - 1))
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> WithoutPeriod(ReadOnlySpan<char> word) => word.Length > 1 && word[^1] == '.' ? word[..^1] : word;

    /// <summary>The end of the name tokens[first..end): before the first headline verb it ran into ("Trump Claims Victory").</summary>
    public static int CutHeadlineVerbs(string text, ReadOnlySpan<Text.TextSpan> tokens, int first, int end)
    {
        for (var k = first + 1; k < end; k++)
        {
            if (HeadlineVerbLookup.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                return k;
            }
        }

        return end;
    }

    /// <summary>The category of the name tokens[first..end) tagged <paramref name="category"/>; null when it is no name.</summary>
    public static string? Categorize(string text, ReadOnlySpan<Text.TextSpan> tokens, int first, int end, string category)
    {
        var firstWord = text.AsSpan(tokens[first].Start, tokens[first].Length);
        if (firstWord is "No." or "Nos." && end - first >= 2 && char.IsAsciiDigit(text[tokens[first + 1].Start]))
        {
            return null;
        }

        if (end - first < 2 || category is not (EntityCategories.Person or EntityCategories.Location or EntityCategories.Organization))
        {
            return category;
        }

        var last = WithoutPeriod(text.AsSpan(tokens[end - 1].Start, tokens[end - 1].Length));

        if (category != EntityCategories.Organization && OrganisationHeadLookup.Contains(last))
        {
            return EntityCategories.Organization;
        }

        if (category != EntityCategories.Location && BuildingHeadLookup.Contains(last))
        {
            return EntityCategories.Location;
        }

        if (category == EntityCategories.Person && KnownOrganisations.Value.Contains(text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start)))
        {
            return EntityCategories.Organization;
        }

        return category;
    }

    private static FrozenSet<string> LoadKnownOrganisations()
    {
        using var stream = NerResources.Open("known-organizations.txt");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                names.Add(line);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }
}

using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Category fixes after tagging, from what a name is made of. A multi-word name ending in an organisation head
/// ("Brightwater Energy", "Philadelphia Inquirer", "Acme Inc.") is an organisation whatever the tagger said; one ending
/// in a building head ("West Wing", "Trump Tower") is a place; a known organisation (curated list, see NOTICE.md) tagged
/// as a person is an organisation ("Goldman Sachs"); "No. 1" is a number, not a name.
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

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationHeadLookup = OrganisationHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildingHeadLookup = BuildingHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Lazy<FrozenSet<string>> KnownOrganisations = new(LoadKnownOrganisations, LazyThreadSafetyMode.ExecutionAndPublication);

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

        var last = text.AsSpan(tokens[end - 1].Start, tokens[end - 1].Length);
        if (last.Length > 1 && last[^1] == '.')
        {
            last = last[..^1];
        }

        if (category != EntityCategories.Organization && OrganisationHeadLookup.Contains(last))
        {
            return EntityCategories.Organization;
        }

        if (category != EntityCategories.Location && BuildingHeadLookup.Contains(last))
        {
            return EntityCategories.Location;
        }

        if (category == EntityCategories.Person && KnownOrganisations.Value.Contains(text[tokens[first].Start..tokens[end - 1].End]))
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

using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>Small curated cue-word lists (lowercase, without a trailing period) used as tagger features.</summary>
[Flags]
internal enum CueKind
{
    None = 0,

    /// <summary>Titles that precede a person's name: "Sen.", "President", "Mr.".</summary>
    Title = 1,

    /// <summary>Head words of organization names: "Party", "University", "Inc.".</summary>
    OrgWord = 2,

    /// <summary>Head words of place names: "River", "County", "Street".</summary>
    LocWord = 4,

    /// <summary>Months and weekdays: capitalised but not names.</summary>
    Calendar = 8,

    /// <summary>Head words of event names: "election", "War", "Summit".</summary>
    EventWord = 16,

    /// <summary>Lowercase words that join a multi-word name: "of", "the", "and", "for", "de".</summary>
    Connector = 32,
}

internal static class NerLexicon
{
    internal static readonly string[] Titles =
    [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep", "representative", "congressman",
        "congresswoman", "gov", "governor", "president", "vice", "secretary", "minister", "chancellor", "mayor", "judge",
        "justice", "gen", "general", "lt", "col", "colonel", "sgt", "capt", "captain", "adm", "admiral", "maj", "king",
        "queen", "prince", "princess", "pope", "rev", "reverend", "lord", "sir", "dame", "speaker", "chairman", "chairwoman",
        "ambassador", "commissioner", "attorney", "candidate", "leader", "premier", "sheikh", "emir", "ayatollah", "pres",
    ];

    private static readonly string[] OrgWords =
    [
        "party", "university", "college", "institute", "committee", "council", "association", "corporation", "corp",
        "inc", "ltd", "llc", "plc", "company", "co", "group", "bank", "agency", "department", "ministry", "commission",
        "foundation", "union", "league", "board", "court", "congress", "senate", "parliament", "assembly", "news", "times",
        "post", "journal", "network", "airlines", "airways", "school", "church", "society", "federation", "organization",
        "organisation", "club", "fc", "press", "media", "bureau", "office", "administration", "army", "navy", "police",
        "front", "movement", "alliance", "coalition", "caucus", "court", "tribunal", "museum", "hospital", "centre", "center",
        "records", "entertainment", "studios", "systems", "technologies", "holdings", "partners", "fund", "trust", "guard",
    ];

    private static readonly string[] LocWords =
    [
        "river", "mountain", "mountains", "mount", "lake", "sea", "ocean", "bay", "island", "islands", "county", "city",
        "state", "province", "street", "avenue", "road", "valley", "park", "square", "district", "region", "peninsula",
        "desert", "coast", "beach", "canyon", "gulf", "strait", "bridge", "airport", "station", "hills", "falls",
    ];

    private static readonly string[] Calendar =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ];

    private static readonly string[] EventWords =
    [
        "election", "elections", "referendum", "war", "summit", "olympics", "games", "championship", "cup", "conference",
        "convention", "primary", "primaries", "caucus", "caucuses", "debate", "festival", "revolution", "crisis", "treaty",
        "accord", "agreement", "act", "award", "awards", "prize", "campaign", "by-election", "protests", "uprising",
    ];

    private static readonly string[] Connectors = ["of", "the", "and", "for", "de", "du", "la", "des", "del", "di", "&", "-", "on", "in", "le"];

    private static readonly FrozenDictionary<string, CueKind> Cues = Build();

    private static readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> CueLookup =
        Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    public static CueKind CueOf(ReadOnlySpan<char> token)
    {
        if (token.Length > 1 && token[^1] == '.')
        {
            token = token[..^1];
        }

        return token.Length is > 0 and < 20 && CueLookup.TryGetValue(token, out var kind) ? kind : CueKind.None;
    }

    private static FrozenDictionary<string, CueKind> Build()
    {
        var d = new Dictionary<string, CueKind>(StringComparer.OrdinalIgnoreCase);
        void Add(string[] words, CueKind kind)
        {
            foreach (var w in words)
            {
                d[w] = d.GetValueOrDefault(w) | kind;
            }
        }

        Add(Titles, CueKind.Title);
        Add(OrgWords, CueKind.OrgWord);
        Add(LocWords, CueKind.LocWord);
        Add(Calendar, CueKind.Calendar);
        Add(EventWords, CueKind.EventWord);
        Add(Connectors, CueKind.Connector);
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

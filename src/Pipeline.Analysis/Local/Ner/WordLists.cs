using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>Curated word lists for the rule-based entity categories.</summary>
internal static class WordLists
{
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan."] = 1, ["feb."] = 2, ["mar."] = 3, ["apr."] = 4, ["jun."] = 6, ["jul."] = 7, ["aug."] = 8,
        ["sep."] = 9, ["sept."] = 9, ["oct."] = 10, ["nov."] = 11, ["dec."] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Weekdays = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static readonly FrozenSet<string> RelativeDays = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "today", "yesterday", "tomorrow", "tonight");

    public static readonly FrozenSet<string> RelativeModifiers = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "last", "next", "this", "past", "coming", "previous");

    public static readonly FrozenSet<string> Periods = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "week", "weeks", "month", "months", "year", "years", "weekend", "decade", "decades",
        "day", "days", "century", "summer", "winter", "spring", "fall", "autumn", "morning", "night", "evening", "afternoon", "hour", "hours", "minutes");

    public static readonly FrozenSet<string> DayParts = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "morning", "afternoon", "evening", "night");

    public static readonly FrozenSet<string> Multipliers = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "hundred", "thousand", "million", "billion", "trillion", "m", "bn");

    public static readonly FrozenSet<string> CurrencyWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "dollars", "dollar", "euros", "euro", "pounds", "cents", "yen", "yuan", "rupees", "pesos");

    public static readonly FrozenSet<string> PercentWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "percent", "%");

    public static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["hundred"] = 100, ["thousand"] = 1000, ["dozens"] = 24, ["hundreds"] = 200, ["thousands"] = 2000, ["millions"] = 2000000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Role nouns reported as PersonType (a small curated list; singular and plural).</summary>
    public static readonly FrozenSet<string> PersonTypes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "senator", "senators", "governor", "governors", "president", "presidents", "candidate", "candidates", "voter", "voters",
        "supporter", "supporters", "aide", "aides", "lawmaker", "lawmakers", "official", "officials", "spokesman", "spokeswoman",
        "spokesperson", "reporter", "reporters", "journalist", "journalists", "activist", "activists", "protester", "protesters",
        "critic", "critics", "mayor", "mayors", "judge", "judges", "congressman", "congresswoman", "congressmen", "legislator",
        "legislators", "delegate", "delegates", "donor", "donors", "adviser", "advisers", "advisor", "advisors", "staffer",
        "staffers", "chairman", "chairwoman", "secretary", "minister", "ministers", "prime minister", "police officer",
        "police officers", "officer", "officers", "strategist", "strategists", "pollster", "pollsters", "nominee", "nominees",
        "incumbent", "challenger", "challengers", "campaign manager", "running mate", "vice president", "diplomat", "diplomats",
        "ambassador", "prosecutor", "prosecutors", "attorney", "attorneys", "lawyer", "lawyers", "economist", "economists",
        "analyst", "analysts", "doctor", "doctors", "nurse", "nurses", "teacher", "teachers", "student", "students", "worker",
        "workers", "resident", "residents", "citizen", "citizens", "immigrant", "immigrants", "refugee", "refugees", "soldier",
        "soldiers", "veteran", "veterans", "leader", "leaders", "spokespeople", "representative", "representatives", "ceo",
        "executive", "executives", "founder", "volunteers", "volunteer", "constituents", "activist", "moderator", "moderators");

    /// <summary>
    /// Every word a rule entity can begin with (besides digits and currency signs): months, weekdays, relative days and
    /// modifiers, number words, role nouns and the first words of two-word roles. One lookup rules most tokens out.
    /// </summary>
    public static readonly FrozenSet<string> RuleStarters = Months.Keys
        .Concat(Weekdays).Concat(RelativeDays).Concat(RelativeModifiers).Concat(NumberWords.Keys).Concat(PersonTypes)
        .Concat(PersonTypes.Where(p => p.Contains(' ', StringComparison.Ordinal)).Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)]))
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RuleStartersLookup = RuleStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CurrencyWordsLookup = CurrencyWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DayPartsLookup = DayParts.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthsLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MultipliersLookup = Multipliers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberWordsLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeriodsLookup = Periods.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonTypesLookup = PersonTypes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativeDaysLookup = RelativeDays.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativeModifiersLookup = RelativeModifiers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekdaysLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
}

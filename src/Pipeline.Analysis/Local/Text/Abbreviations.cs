using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Text;

/// <summary>Abbreviations that take a period, so the tokenizer keeps it and the sentence splitter does not split there.</summary>
public static class Abbreviations
{
    // Titles and month/street abbreviations precede what they qualify: never the end of a sentence.
    private static readonly FrozenSet<string> NonTerminal = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt", "col", "sgt", "capt",
        "cmdr", "adm", "maj", "pres", "rev", "hon", "atty", "supt", "insp", "det", "cpl", "pvt", "amb", "sec", "st", "mt", "ft",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "nos", "vs", "v", "cf", "vol", "pp", "fig", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass",
        "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo");

    // These end a sentence when the next word is capitalised ("... Apple Inc. The company ...").
    private static readonly FrozenSet<string> MaybeTerminal = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "inc", "corp", "co", "ltd", "llc", "jr", "sr", "bros", "etc", "al", "esq", "plc");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonTerminalLookup = NonTerminal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MaybeTerminalLookup = MaybeTerminal.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the word (without its period) is a known abbreviation.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) => NonTerminalLookup.Contains(word) || MaybeTerminalLookup.Contains(word);

    /// <summary>Whether a token (with its period) can never end a sentence: titles, months, and single initials ("J.").</summary>
    public static bool IsNonTerminal(ReadOnlySpan<char> tokenWithPeriod)
    {
        if (tokenWithPeriod.Length < 2 || tokenWithPeriod[^1] != '.')
        {
            return false;
        }

        var word = tokenWithPeriod[..^1];
        return NonTerminalLookup.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }
}

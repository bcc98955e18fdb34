using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.KeyPhrases;

/// <summary>Words that end a noun-phrase candidate: English function words, common verbs, titles and weekdays.</summary>
internal static class KeyPhraseVocabulary
{
    private const string FunctionWords =
        "a about above across after afterwards again against all almost alone along already also although always am among amongst " +
        "an and another any anybody anyone anything anyway anywhere are around as at back be because before beforehand behind " +
        "being below beside besides between beyond both but by can cannot could did do does doing done down during each either " +
        "else elsewhere enough even ever every everybody everyone everything everywhere except few for former formerly from " +
        "further furthermore had has have having he hence her here hereby herein hers herself him himself his how however i if in " +
        "indeed instead into is it its itself just last latter least less lest many may me meanwhile might mine more moreover most " +
        "mostly much must my myself namely neither never nevertheless next no nobody none nonetheless noone nor not nothing now " +
        "nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please " +
        "quite rather really same several she should since so some somebody somehow someone something sometimes somewhat " +
        "somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore therein " +
        "these they this those though through throughout thru thus to together too toward towards under unless until up upon " +
        "us very via was we well were what whatever when whence whenever where whereas whereby wherein whether which while " +
        "whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves " +
        "yes ok okay oh like away far new many much lot lots two three four five six seven eight nine ten first second third " +
        "s t d ll re ve m n't don't doesn't didn't isn't wasn't aren't weren't won't wouldn't can't couldn't shouldn't " +
        "it's that's he's she's i'm we're they're you're there's what's who's let's i've we've they've you've i'd we'd they'd " +
        "mr mrs ms dr sen rep gov st jr sr vs etc " +
        "monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december " +
        "ready able unable likely unlikely sure clear possible willing certain former latter sorry aware today yesterday tomorrow tonight week weeks year years ago";

    private const string CommonVerbs =
        "say says said saying tell tells told telling ask asks asked asking add adds added be is are was were been am " +
        "have has had do does did done go goes went gone going get gets got gotten getting make makes made making take takes took " +
        "taken taking come comes came coming see sees saw seen know knows knew known think thinks thought want wants wanted " +
        "give gives gave given used found called try tries tried keep keeps kept let lets " +
        "seem seems seemed feel feels felt leave leaves left put puts mean means meant become becomes became begin begins began " +
        "showed shown hear hears heard ran held bring brings brought write writes wrote " +
        "stand stands stood lose loses lost paid meet meets met include includes included including continue " +
        "continues continued learn learns changed led understand understands understood " +
        "speak speaks spoke spoken allow allows allowed won expect expects expected remain remains remained " +
        "suggest suggests suggested raised passed reported decide decides decided " +
        "according argue argues argued believe believes believed claimed announce announces announced " +
        "explain explains explained noted agree agrees agreed appear appears appeared accord " +
        "can could will would shall should may might must";

    // Regular verbs of news reporting that are rarely nouns; their -s and -ing forms are generated.
    private const string RegularVerbs =
        "accuse acknowledge admit approve criticize criticise declare defend deny describe endorse identify insist join mention " +
        "oppose receive refuse reject reveal threaten urge warn consider provide require remember recognize respond emphasize " +
        "predict prefer pledge seem tend happen manage encourage ensure prevent avoid discuss " +
        "reach attract draw seek spend back";

    private const string IrregularForms =
        "sought drew drawn spent built began begun bought caught fought grew grown rose risen fell fallen sent sat sold " +
        "struck taught wore chose chosen drove driven broke broken threw thrown forgot forgotten hid hidden swore sworn " +
        "need needs needing";

    public static readonly FrozenSet<string> Breakers =
        (FunctionWords + " " + CommonVerbs + " " + IrregularForms).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(RegularVerbs.Split(' ').SelectMany(VerbForms))
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Breakers that are part of names when capitalised mid-sentence: "New York", "Theresa May", "First Lady".</summary>
    public static readonly FrozenSet<string> CapitalisedInNames =
        "new first second third last may will one united grant bill mark young long".Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns too general to be key phrases on their own (they still count inside longer phrases).</summary>
    public static readonly FrozenSet<string> GenericNouns =
        ("people person time day way thing lot part place kind sort number point fact case week month weekend end side area " +
         "group reason problem question issue story new").Split(' ').ToFrozenSet(StringComparer.Ordinal); // keys are singular: "news" -> "new"

    /// <summary>Determiners that follow a verb: "-ing" before one of these is a verb ("leading the polls"), not a noun.</summary>
    public static readonly FrozenSet<string> Determiners =
        "a an the his her their its our my your this that these those some any".Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words ending in "ed" that are not past tenses.</summary>
    public static readonly FrozenSet<string> NotPastTense =
        "united red bed seed speed feed greed creed breed hundred shed sacred naked wicked kindred".Split(' ')
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns ending in "ly" (the rest are taken for adverbs).</summary>
    public static readonly FrozenSet<string> NotAdverb =
        "family rally supply assembly anomaly monopoly italy reply belly jelly bully folly holly lily ally july".Split(' ')
            .ToFrozenSet(StringComparer.Ordinal);

    private static IEnumerable<string> VerbForms(string verb)
    {
        yield return verb;
        yield return verb.EndsWith('y') ? verb[..^1] + "ies" : verb.EndsWith('s') || verb.EndsWith("sh") || verb.EndsWith("ch") ? verb + "es" : verb + "s";
        yield return (verb.EndsWith('e') ? verb[..^1] : verb) + "ing";
    }

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BreakerLookup = Breakers.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalisedInNamesLookup = CapitalisedInNames.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastTenseLookup = NotPastTense.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotAdverbLookup = NotAdverb.GetAlternateLookup<ReadOnlySpan<char>>();
}

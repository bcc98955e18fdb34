namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>The constants and word lists of VADER (Hutto &amp; Gilbert 2014, vaderSentiment, MIT).</summary>
internal static class VaderRules
{
    public const float BoosterIncrement = 0.293f;
    public const float BoosterDecrement = -0.293f;
    public const float CapsIncrement = 0.733f;
    public const float NegationScalar = -0.74f;
    public const float NormalizationAlpha = 15f;

    public static readonly string[] Negations =
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",

        // News use: "hardly inspires confidence" negates (VADER lists these three as dampeners).
        "hardly", "scarcely", "barely",
    ];

    public static readonly string[] Increments =
    [
        "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
        "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
        "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
        "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
        "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
        "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
        "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
    ];

    public static readonly string[] Decrements =
    [
        "almost", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
        "occasional", "occasionally", "partly", "scarce", "slight", "slightly", "somewhat", "sorta",
        "sortof", "sort-of",
    ];

    /// <summary>Special cases and sentiment-laden idioms: the phrase replaces its words' valences.</summary>
    public static readonly (string Phrase, float Valence)[] Phrases =
    [
        ("the shit", 3f), ("the bomb", 3f), ("bad ass", 1.5f), ("bus stop", 0f), ("yeah right", -2f),
        ("kiss of death", -1.5f), ("to die for", 3f), ("beating heart", 3.1f), ("broken heart", -2.9f),
        ("cut the mustard", 2f), ("hand to mouth", -2f), ("back handed", -2f), ("blow smoke", -2f),
        ("blowing smoke", -2f), ("upper hand", 1f), ("break a leg", 2f), ("cooking with gas", 2f),
        ("in the black", 2f), ("in the red", -2f), ("on the ball", 2f), ("under the weather", -2f),
    ];

    public static readonly string[] SpeechVerbs =
    [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "wrote", "writes", "argued", "argues",
        "claimed", "claims", "insisted", "insists", "explained", "noted", "declared", "tweeted", "asked",
        "according", "warned", "warns", "announced", "suggested", "acknowledged", "admitted",
    ];

    public static readonly string[] ClauseWords =
    [
        "while", "whereas", "although", "though", "because", "since", "after", "before", "when", "which",
        "who", "whom", "whose", "and", "or", "yet", "however", "unless", "if", "that",
    ];

    public static readonly string[] Pronouns = ["he", "she", "they", "him", "her", "them", "his", "their", "i", "we", "you"];

    public static readonly string[] Auxiliaries = ["was", "is", "were", "are", "been", "be", "being", "has", "had", "have", "got", "gets", "get"];
}

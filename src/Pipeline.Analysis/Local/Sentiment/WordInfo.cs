namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>Roles a lower-cased word plays in the VADER rules (one lookup answers all of them).</summary>
[Flags]
internal enum WordFlags : uint
{
    None = 0,
    InLexicon = 1 << 0,
    Booster = 1 << 1,
    Negation = 1 << 2,
    No = 1 << 3,
    Kind = 1 << 4,
    Of = 1 << 5,
    But = 1 << 6,
    Least = 1 << 7,
    AtOrVery = 1 << 8,
    Never = 1 << 9,
    SoOrThis = 1 << 10,
    Without = 1 << 11,
    Doubt = 1 << 12,
    OrNor = 1 << 13,

    /// <summary>First word of a special-case phrase or idiom ("kiss of death", "in the red").</summary>
    PhraseStart = 1 << 14,

    /// <summary>Speech verb ("said", "told"): marks reported speech for targeted sentiment.</summary>
    Speech = 1 << 15,

    /// <summary>Clause-opening conjunction ("while", "although", "because"): bounds a target's clause.</summary>
    ClauseWord = 1 << 16,

    /// <summary>Personal pronoun that can stand for a person target ("he", "she", "they").</summary>
    Pronoun = 1 << 17,

    /// <summary>Auxiliary that marks a passive or copula after a target ("was", "is", "been").</summary>
    Auxiliary = 1 << 18,

    /// <summary>"by": agent of a passive ("attacked by X").</summary>
    By = 1 << 19,

    /// <summary>Valence induced from word vectors (not a VADER word): counts only where the word is not a capitalized name.</summary>
    Induced = 1 << 20,
}

/// <summary>What the lexicon knows about one word: valence (-4..4), booster scalar and rule flags.</summary>
internal readonly record struct WordInfo(float Valence, float Booster, WordFlags Flags)
{
    public bool Has(WordFlags flag) => (Flags & flag) != 0;
}

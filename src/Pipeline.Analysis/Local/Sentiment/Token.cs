namespace Pipeline.Analysis.Local.Sentiment;

[Flags]
internal enum TokenFlags : ushort
{
    None = 0,

    /// <summary>Has cased letters, all upper case (Python's str.isupper).</summary>
    AllCaps = 1 << 0,

    /// <summary>Contains "n't" (VADER treats any such word as a negation).</summary>
    HasNt = 1 << 1,

    /// <summary>Followed by a clause boundary: , ; : or a dash.</summary>
    ClauseEnd = 1 << 2,

    /// <summary>Opening quotation mark attached before the word.</summary>
    QuoteBefore = 1 << 3,

    /// <summary>Closing quotation mark attached after the word.</summary>
    QuoteAfter = 1 << 4,

    /// <summary>First letter is upper case (proper name or sentence start).</summary>
    Capitalized = 1 << 5,

    /// <summary>Followed by sentence-final punctuation (. ! ?).</summary>
    StopAfter = 1 << 6,

    /// <summary>No letters or digits (a dash, an emoticon, a lone symbol).</summary>
    PunctuationOnly = 1 << 7,
}

/// <summary>One whitespace-delimited word of a sentence, with surrounding punctuation stripped VADER-style.</summary>
internal struct Token
{
    /// <summary>Offset of the stripped word from the sentence start.</summary>
    public int Start;
    public int Length;

    /// <summary>Stable hash of the lower-cased stripped word.</summary>
    public ulong Hash;
    public WordInfo Info;

    /// <summary>What the second lexicon of a <see cref="LexiconPair"/> knows of the word (see <see cref="SentimentWorkspace.SwapLexicons"/>).</summary>
    public WordInfo OtherInfo;
    public TokenFlags Flags;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;

    public readonly bool Is(WordFlags flag) => (Info.Flags & flag) != 0;

    public readonly bool IsNegated => Is(WordFlags.Negation) || Has(TokenFlags.HasNt);
}

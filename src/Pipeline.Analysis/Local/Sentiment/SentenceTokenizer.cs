using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Splits a sentence on white space and strips surrounding punctuation (VADER's tokenization, extended to
/// typographic quotes and dashes). Lower-cases into the workspace and looks every word up once, by its hash.
/// </summary>
internal static class SentenceTokenizer
{
    public static void Tokenize(ReadOnlySpan<char> sentence, VaderLexicon lexicon, SentimentWorkspace ws) =>
        Tokenize(sentence, new SingleLookup(lexicon), ws);

    /// <summary>Tokenizes once for both lexicons: <see cref="Token.Info"/> from the first, <see cref="Token.OtherInfo"/> from the second.</summary>
    public static void Tokenize(ReadOnlySpan<char> sentence, LexiconPair lexicons, SentimentWorkspace ws) =>
        Tokenize(sentence, new PairLookup(lexicons), ws);

    private static void Tokenize<TLookup>(ReadOnlySpan<char> sentence, TLookup lexicon, SentimentWorkspace ws)
        where TLookup : struct, IWordLookup
    {
        ws.EnsureCapacity(sentence.Length);
        var lower = ws.Lower.AsSpan(0, sentence.Length);
        var exclamations = 0;
        var questions = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c < 128)
            {
                lower[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                exclamations += c == '!' ? 1 : 0;
                questions += c == '?' ? 1 : 0;
            }
            else
            {
                lower[i] = c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c);
            }
        }

        var tokens = ws.Tokens;
        var otherValid = true;
        var count = 0;
        var allCaps = 0;
        var pos = 0;
        while (pos < sentence.Length)
        {
            while (pos < sentence.Length && char.IsWhiteSpace(sentence[pos]))
            {
                pos++;
            }

            if (pos >= sentence.Length)
            {
                break;
            }

            var start = pos;
            while (pos < sentence.Length && !char.IsWhiteSpace(sentence[pos]))
            {
                pos++;
            }

            ref var token = ref tokens[count++];
            token = default;
            Strip(sentence, start, pos, ref token);
            if (token.Has(TokenFlags.AllCaps))
            {
                allCaps++;
            }

            var word = lower.Slice(token.Start, token.Length);
            var hash = TextHash.Of(word);
            (token.Info, token.OtherInfo) = lexicon.Lookup(hash);

            // VADER keeps short punctuated tokens whole, which is how emoticons such as ":)" or ":D" match.
            if (token.Length <= 2 && (token.Start != start || token.Length != pos - start) && (token.Info.Flags == WordFlags.None || (lexicon.HasOther && token.OtherInfo.Flags == WordFlags.None)))
            {
                var wholeHash = TextHash.Of(lower[start..pos]);
                var (whole, otherWhole) = lexicon.Lookup(wholeHash);
                var keepWhole = token.Info.Flags == WordFlags.None && whole.Has(WordFlags.InLexicon);
                otherValid &= !lexicon.HasOther || keepWhole == (token.OtherInfo.Flags == WordFlags.None && otherWhole.Has(WordFlags.InLexicon));
                if (keepWhole)
                {
                    token.Info = whole;
                    token.OtherInfo = otherWhole;
                    token.Start = start;
                    token.Length = pos - start;
                    word = lower[start..pos];
                    hash = wholeHash;
                }
            }

            // An induced word written with a capital inside the sentence is most likely a name ("Rampart", "Gala").
            if (count > 1 && token.Has(TokenFlags.Capitalized) && !token.Has(TokenFlags.AllCaps))
            {
                token.Info = token.Info.Has(WordFlags.Induced) ? default : token.Info;
                token.OtherInfo = token.OtherInfo.Has(WordFlags.Induced) ? default : token.OtherInfo;
            }

            token.Hash = hash;
            if (word.Length >= 3 && word.Contains("n't", StringComparison.Ordinal))
            {
                token.Flags |= TokenFlags.HasNt;
            }
        }

        ws.Count = count;
        ws.OtherInfoValid = otherValid && lexicon.HasOther;
        ws.Exclamations = exclamations;
        ws.Questions = questions;
        ws.AllCapsCount = allCaps;
    }

    private static void Strip(ReadOnlySpan<char> s, int start, int end, ref Token token)
    {
        var a = start;
        var b = end;
        var flags = TokenFlags.None;
        while (a < b && IsStrippable(s[a]))
        {
            flags |= IsQuote(s[a]) ? TokenFlags.QuoteBefore : TokenFlags.None;
            a++;
        }

        while (b > a && IsStrippable(s[b - 1]))
        {
            var c = s[b - 1];
            flags |= c switch
            {
                ',' or ';' or ':' or '-' or '\u2013' or '\u2014' or '(' or ')' => TokenFlags.ClauseEnd,
                '.' or '!' or '?' => TokenFlags.StopAfter,
                _ => IsQuote(c) ? TokenFlags.QuoteAfter : TokenFlags.None,
            };
            b--;
        }

        if (a == b)
        {
            // Punctuation only: keep it whole (emoticons, dashes). A dash also bounds a clause.
            a = start;
            b = end;
            flags = TokenFlags.PunctuationOnly;
            if (s[start] is '-' or '\u2013' or '\u2014' or ';' or ':')
            {
                flags |= TokenFlags.ClauseEnd;
            }
        }

        var hasUpper = false;
        var hasLower = false;
        for (var i = a; i < b; i++)
        {
            var c = s[i];
            hasUpper |= char.IsUpper(c);
            hasLower |= char.IsLower(c);
        }

        if (hasUpper && !hasLower)
        {
            flags |= TokenFlags.AllCaps;
        }

        if (char.IsUpper(s[a]))
        {
            flags |= TokenFlags.Capitalized;
        }

        token.Start = a;
        token.Length = b - a;
        token.Flags = flags;
    }

    private static bool IsStrippable(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) is false && c > ' ' && c != 127
        : char.IsPunctuation(c) || char.IsSymbol(c);

    private static bool IsQuote(char c) => c is '"' or '\'' or '`' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB';

    private interface IWordLookup
    {
        bool HasOther { get; }

        (WordInfo Info, WordInfo Other) Lookup(ulong wordHash);
    }

    private readonly struct SingleLookup(VaderLexicon lexicon) : IWordLookup
    {
        public bool HasOther => false;

        public (WordInfo Info, WordInfo Other) Lookup(ulong wordHash) => (lexicon.Lookup(wordHash), default);
    }

    private readonly struct PairLookup(LexiconPair lexicons) : IWordLookup
    {
        public bool HasOther => true;

        public (WordInfo Info, WordInfo Other) Lookup(ulong wordHash) => lexicons.Lookup(wordHash);
    }
}

namespace Pipeline.Analysis.Local.Text;

/// <summary>
/// Span-based English tokenizer: words (with internal hyphens and apostrophes), numbers (1,000.5), URLs,
/// @handles and #tags, abbreviations with their period ("Sen.", "U.S.", "J."), clitics split off
/// ("do|n't", "Sanders|'s"), and every other symbol as a one-character token. No allocation per token.
/// </summary>
public static class Tokenizer
{
    public static List<TextSpan> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextSpan>(text.Length / 5 + 4);
        Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    public static void Tokenize(string text, int start, int end, List<TextSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int len;
            if (char.IsLetterOrDigit(c))
            {
                len = UrlLength(text, i, end);
                if (len == 0)
                {
                    len = WordLength(text, i, end, tokens);
                    if (len == 0)
                    {
                        // WordLength emitted the tokens itself (clitic split).
                        i = tokens[^1].End;
                        continue;
                    }
                }
            }
            else if ((c is '@' or '#') && i + 1 < end && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
            {
                len = 1;
                while (i + len < end && (char.IsLetterOrDigit(text[i + len]) || text[i + len] == '_'))
                {
                    len++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end)
            {
                len = 2;
            }
            else if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
            {
                len = 3;
            }
            else
            {
                len = 1;
            }

            tokens.Add(new TextSpan(i, len));
            i += len;
        }
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static int UrlLength(string text, int i, int end)
    {
        // Every prefix starts with h or w (ignoring case): most words stop at this test.
        if ((text[i] | 0x20) is not ('h' or 'w'))
        {
            return 0;
        }

        var span = text.AsSpan(i, end - i);
        if (!(span.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }

        var len = 0;
        while (len < span.Length && !char.IsWhiteSpace(span[len]) && span[len] is not ('"' or '\u201D' or '<' or '>'))
        {
            len++;
        }

        // Trailing sentence punctuation is not part of the URL.
        while (len > 0 && span[len - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'' or '\u2019')
        {
            len--;
        }

        return len;
    }

    /// <summary>Length of the word at i; 0 when it emitted the word and a clitic itself.</summary>
    private static int WordLength(string text, int i, int end, List<TextSpan> tokens)
    {
        var j = i;
        var allDigits = true;
        while (j < end)
        {
            var c = text[j];
            if (char.IsAsciiLetter(c))
            {
                // The common case first: the same as the general test below for an ASCII letter.
                allDigits = false;
                j++;
                continue;
            }

            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                allDigits &= char.IsDigit(c);
                j++;
                continue;
            }

            var nextIsAlnum = j + 1 < end && char.IsLetterOrDigit(text[j + 1]);
            if (c == '-' && nextIsAlnum && j > i)
            {
                j++;
                continue;
            }

            if ((c is ',' or '.') && allDigits && j + 1 < end && char.IsDigit(text[j + 1]))
            {
                j++;
                continue;
            }

            if (IsApostrophe(c) && nextIsAlnum)
            {
                var cl = CliticLength(text, j, end);
                if (cl > 0)
                {
                    // "don't" -> "do" + "n't"; "Sanders's" -> "Sanders" + "'s".
                    var stem = (text[j + 1] is 't' or 'T') && j - 1 > i && (text[j - 1] is 'n' or 'N') ? j - 1 : j;
                    tokens.Add(new TextSpan(i, stem - i));
                    tokens.Add(new TextSpan(stem, j + cl - stem));
                    return 0;
                }

                // O'Rourke, rock'n'roll: the apostrophe is inside the word.
                j++;
                continue;
            }

            break;
        }

        var len = j - i;

        // Abbreviations keep their period: initials and acronyms ("J.", "U.S.", "a.m."), known titles ("Sen.").
        if (j < end && text[j] == '.')
        {
            if (len == 1 && char.IsLetter(text[i]))
            {
                var k = j + 1;
                while (k + 1 < end && char.IsLetter(text[k]) && text[k + 1] == '.')
                {
                    k += 2;
                }

                return k - i;
            }

            if (Abbreviations.IsAbbreviation(text.AsSpan(i, len)))
            {
                return len + 1;
            }
        }

        return len;
    }

    /// <summary>Length of a clitic ('s, 're, 've, 'll, 'd, 'm, 't) starting at the apostrophe, or 0.</summary>
    private static int CliticLength(string text, int i, int end)
    {
        if (i + 1 >= end)
        {
            return 0;
        }

        var rest = end - i - 1;
        var a = char.ToLowerInvariant(text[i + 1]);
        int n;
        if (a is 's' or 'd' or 'm' or 't')
        {
            n = 1;
        }
        else if (rest >= 2 && ((a == 'r' && char.ToLowerInvariant(text[i + 2]) == 'e')
            || (a == 'v' && char.ToLowerInvariant(text[i + 2]) == 'e')
            || (a == 'l' && char.ToLowerInvariant(text[i + 2]) == 'l')))
        {
            n = 2;
        }
        else
        {
            return 0;
        }

        return i + 1 + n < end && char.IsLetterOrDigit(text[i + 1 + n]) ? 0 : n + 1;
    }
}

using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Rule-based DateTime (dates, weekdays, months, years, times, relative days, durations), Quantity (Number,
/// Percentage, Currency, Age, Ordinal) and PersonType (curated role nouns) mentions, named as Azure names them.
/// Tokens already inside a tagged name are skipped.
/// </summary>
public static class RuleEntities
{
    private const double RuleConfidence = 0.8;

    private static readonly string[] MonthContext =
        ["in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "during", "from", "through", "before", "after"];

    /// <summary>Adds rule mentions for the sentence's tokens [first, end) not marked in <paramref name="taken"/>.</summary>
    public static void Find(string text, ReadOnlySpan<TextSpan> tokens, int first, int end, int sentence, ReadOnlySpan<bool> taken, List<DetectedMention> into) =>
        Find(text, tokens, first, end, sentence, taken, into, []);

    /// <summary>As <see cref="Find(string, ReadOnlySpan{TextSpan}, int, int, int, ReadOnlySpan{bool}, List{DetectedMention})"/>, with the tokens' word properties (from token <paramref name="first"/> on, or empty): their <see cref="WordProperties.MayStartRule"/> saves a lookup per token.</summary>
    internal static void Find(string text, ReadOnlySpan<TextSpan> tokens, int first, int end, int sentence, ReadOnlySpan<bool> taken, List<DetectedMention> into, ReadOnlySpan<WordProperties> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        var known = words.Length == end - first;
        var k = first;
        while (k < end)
        {
            if (taken[k] || !(known ? words[k - first].MayStartRule : MayStart(W(text, tokens, k))))
            {
                k++;
                continue;
            }

            var n = MatchDate(text, tokens, k, end, taken, out var sub);
            var category = EntityCategories.DateTime;
            if (n == 0)
            {
                n = MatchQuantity(text, tokens, k, end, taken, out sub);
                category = EntityCategories.Quantity;
            }

            if (n == 0)
            {
                n = MatchPersonType(text, tokens, k, end, taken);
                category = EntityCategories.PersonType;
                sub = null;
            }

            if (n == 0)
            {
                k++;
                continue;
            }

            var start = tokens[k].Start;
            into.Add(new DetectedMention(start, tokens[k + n - 1].End - start, category, sub, RuleConfidence, sentence, k, k + n));
            k += n;
        }
    }

    /// <summary>Whether a rule could match from this token: a digit, a currency sign or a listed word (one lookup).</summary>
    internal static bool MayStart(ReadOnlySpan<char> w) =>
        w.Length > 0 && (char.IsDigit(w[0]) || w[0] is '$' or '€' or '£' or '¥' || w.StartsWith("US$", StringComparison.Ordinal) || WordLists.RuleStartersLookup.Contains(w));

    private static ReadOnlySpan<char> W(string text, ReadOnlySpan<TextSpan> tokens, int k) => text.AsSpan(tokens[k].Start, tokens[k].Length);

    private static bool Free(ReadOnlySpan<bool> taken, int k, int end) => k < end && !taken[k];

    private static int MatchDate(string text, ReadOnlySpan<TextSpan> tokens, int k, int end, ReadOnlySpan<bool> taken, out string? sub)
    {
        sub = "Date";
        var w = W(text, tokens, k);

        // "3 November 2020"
        if (IsDayNumber(w) && Free(taken, k + 1, end) && IsMonth(W(text, tokens, k + 1)) && char.IsUpper(W(text, tokens, k + 1)[0]))
        {
            var n = 2;
            if (Free(taken, k + 2, end) && IsYear(W(text, tokens, k + 2)))
            {
                n++;
            }

            return n;
        }

        if (IsMonth(w) && char.IsUpper(w[0]))
        {
            var n = 1 + MonthTail(text, tokens, k + 1, end, taken);
            if (n == 1 && (w.Equals("May", StringComparison.Ordinal) || w.Equals("March", StringComparison.Ordinal)))
            {
                // "may"/"march" are also common words: need a date context.
                var prev = k > 0 ? W(text, tokens, k - 1) : default;
                var ok = false;
                foreach (var c in MonthContext)
                {
                    ok |= prev.Equals(c, StringComparison.OrdinalIgnoreCase);
                }

                return ok ? 1 : 0;
            }

            return n;
        }

        if (WordLists.WeekdaysLookup.Contains(w) && char.IsUpper(w[0]))
        {
            var n = 1;
            if (Free(taken, k + 1, end) && WordLists.DayPartsLookup.Contains(W(text, tokens, k + 1)))
            {
                n++;
            }
            else if (k + 2 < end && W(text, tokens, k + 1) is "," && !taken[k + 2] && IsMonth(W(text, tokens, k + 2)))
            {
                n = 3 + MonthTail(text, tokens, k + 3, end, taken);
            }

            return n;
        }

        if (WordLists.RelativeDaysLookup.Contains(w))
        {
            return 1;
        }

        if (WordLists.RelativeModifiersLookup.Contains(w) && Free(taken, k + 1, end))
        {
            var next = W(text, tokens, k + 1);
            if (WordLists.PeriodsLookup.Contains(next) && !next.EndsWith('s')
                || WordLists.WeekdaysLookup.Contains(next)
                || (IsMonth(next) && char.IsUpper(next[0])))
            {
                return 2;
            }
        }

        if (IsYear(w) && !NextIsQuantityWord(text, tokens, k + 1, end) && (k == 0 || W(text, tokens, k - 1) is not ("$" or "#")))
        {
            return 1;
        }

        if (w.Length is 5 or 3 && w[^1] == 's' && IsDigits(w[..^1]) && (w.Length == 3 || w[0] is '1' or '2'))
        {
            // "1990s", "80s"
            sub = "DateRange";
            return 1;
        }

        // Times: "3 p.m.", "10:30 am", "3pm"
        if (IsTimeNumber(w) && Free(taken, k + 1, end) && W(text, tokens, k + 1) is "a.m." or "p.m." or "am" or "pm" or "AM" or "PM")
        {
            sub = "Time";
            return 2;
        }

        if (w.Length is >= 3 and <= 4 && (w.EndsWith("am", StringComparison.OrdinalIgnoreCase) || w.EndsWith("pm", StringComparison.OrdinalIgnoreCase)) && IsDigits(w[..^2]))
        {
            sub = "Time";
            return 1;
        }

        // Durations: "three years", "10 days"
        if ((IsNumberToken(w) || WordLists.NumberWordsLookup.ContainsKey(w)) && Free(taken, k + 1, end)
            && WordLists.PeriodsLookup.Contains(W(text, tokens, k + 1)))
        {
            sub = "Duration";
            return 2;
        }

        sub = null;
        return 0;
    }

    /// <summary>Tokens after a month that belong to the date: "3", "3rd", ", 2020", "2020".</summary>
    private static int MonthTail(string text, ReadOnlySpan<TextSpan> tokens, int k, int end, ReadOnlySpan<bool> taken)
    {
        var n = 0;
        if (Free(taken, k, end) && IsDayNumber(W(text, tokens, k)))
        {
            n++;
        }

        if (Free(taken, k + n, end) && W(text, tokens, k + n) is "," && Free(taken, k + n + 1, end) && IsYear(W(text, tokens, k + n + 1)) && n > 0)
        {
            n += 2;
        }
        else if (Free(taken, k + n, end) && IsYear(W(text, tokens, k + n)))
        {
            n++;
        }

        return n;
    }

    private static int MatchQuantity(string text, ReadOnlySpan<TextSpan> tokens, int k, int end, ReadOnlySpan<bool> taken, out string? sub)
    {
        var w = W(text, tokens, k);
        sub = "Number";
        if (w is "$" or "€" or "£" or "¥" or "US$" && Free(taken, k + 1, end) && IsNumberToken(W(text, tokens, k + 1)))
        {
            sub = "Currency";
            var n = 2;
            if (Free(taken, k + 2, end) && WordLists.MultipliersLookup.Contains(W(text, tokens, k + 2)))
            {
                n++;
            }

            return n;
        }

        if (w.Length > 0 && char.IsDigit(w[0]) && w.Contains("-year-old", StringComparison.OrdinalIgnoreCase))
        {
            sub = "Age";
            return 1;
        }

        var isWord = WordLists.NumberWordsLookup.ContainsKey(w);
        if (!IsNumberToken(w) && !isWord)
        {
            if (IsOrdinal(w))
            {
                sub = "Ordinal";
                return 1;
            }

            return 0;
        }

        var len = 1;
        while (Free(taken, k + len, end) && WordLists.MultipliersLookup.Contains(W(text, tokens, k + len)))
        {
            len++;
        }

        if (Free(taken, k + len, end))
        {
            var next = W(text, tokens, k + len);
            if (next is "%" || next.Equals("percent", StringComparison.OrdinalIgnoreCase))
            {
                sub = "Percentage";
                return len + 1;
            }

            if (next.Equals("per", StringComparison.OrdinalIgnoreCase) && Free(taken, k + len + 1, end) && W(text, tokens, k + len + 1).Equals("cent", StringComparison.OrdinalIgnoreCase))
            {
                sub = "Percentage";
                return len + 2;
            }

            if (WordLists.CurrencyWordsLookup.Contains(next))
            {
                sub = "Currency";
                return len + 1;
            }
        }

        if (k > 0 && W(text, tokens, k - 1) is "aged" or "age" or "Aged")
        {
            sub = "Age";
        }

        // Spelled-out numbers alone are only quantities when followed by a noun-like word, which we cannot see; keep digits.
        return isWord && len == 1 ? 0 : len;
    }

    private static int MatchPersonType(string text, ReadOnlySpan<TextSpan> tokens, int k, int end, ReadOnlySpan<bool> taken)
    {
        var lookup = WordLists.PersonTypesLookup;
        var w = W(text, tokens, k);
        if (!char.IsLetter(w[0]))
        {
            return 0;
        }

        // A capitalised role directly before a capitalised word is a title ("President Biden"), part of the name.
        if (Free(taken, k + 1, end))
        {
            var span = text.AsSpan(tokens[k].Start, tokens[k + 1].End - tokens[k].Start);
            if (tokens[k + 1].Start == tokens[k].End + 1 && lookup.Contains(span) && char.IsLower(span[0]))
            {
                return 2;
            }
        }

        if (!lookup.Contains(w))
        {
            return 0;
        }

        if (char.IsUpper(w[0]) && k + 1 < end && char.IsUpper(W(text, tokens, k + 1)[0]))
        {
            return 0;
        }

        return 1;
    }

    private static bool IsMonth(ReadOnlySpan<char> w) => WordLists.MonthsLookup.ContainsKey(w);

    private static bool IsDigits(ReadOnlySpan<char> w)
    {
        if (w.IsEmpty)
        {
            return false;
        }

        foreach (var c in w)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsYear(ReadOnlySpan<char> w) =>
        w.Length == 4 && IsDigits(w) && ((w[0] == '1' && w[1] is '8' or '9') || (w[0] == '2' && w[1] == '0'));

    private static bool IsDayNumber(ReadOnlySpan<char> w)
    {
        if (w.Length > 2 && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal)))
        {
            w = w[..^2];
        }

        return w.Length is 1 or 2 && IsDigits(w) && int.Parse(w, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31;
    }

    private static bool IsTimeNumber(ReadOnlySpan<char> w) =>
        (w.Length is 1 or 2 && IsDigits(w)) || (w.Length is 4 or 5 && w[^3] == ':' && IsDigits(w[..^3]) && IsDigits(w[^2..]));

    private static bool IsOrdinal(ReadOnlySpan<char> w) =>
        w.Length >= 3 && IsDigits(w[..^2]) && (w[^2..] is "st" or "nd" or "rd" or "th");

    /// <summary>Digits with optional thousands separators and decimals: "12", "1,200", "3.5".</summary>
    private static bool IsNumberToken(ReadOnlySpan<char> w)
    {
        if (w.IsEmpty || !char.IsAsciiDigit(w[0]) || !char.IsAsciiDigit(w[^1]))
        {
            return false;
        }

        foreach (var c in w)
        {
            if (!char.IsAsciiDigit(c) && c is not (',' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NextIsQuantityWord(string text, ReadOnlySpan<TextSpan> tokens, int k, int end)
    {
        if (k >= end)
        {
            return false;
        }

        var w = W(text, tokens, k);
        return w is "%" || w.Equals("percent", StringComparison.OrdinalIgnoreCase)
            || WordLists.CurrencyWordsLookup.Contains(w)
            || WordLists.MultipliersLookup.Contains(w);
    }
}

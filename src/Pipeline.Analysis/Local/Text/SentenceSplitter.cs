using System.Collections.Frozen;

namespace Pipeline.Analysis.Local.Text;

/// <summary>
/// Splits tokens into sentences. Splits after . ! ? (and closing quotes/brackets) when the next token does not
/// start lowercase; never after titles, months or initials ("Sen.", "Jan.", "J."); after acronyms and company
/// abbreviations ("U.S.", "Inc.") only before a typical sentence opener. A blank line always splits, and a
/// single line break splits unless the line plainly continues (next line starts lowercase or this one ends in , ; :),
/// so a title line is its own sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "This", "That",
        "These", "Those", "There", "His", "Her", "Their", "Its", "Our", "My", "If", "When", "While", "After", "Before",
        "As", "For", "So", "Yet", "However", "Meanwhile", "Still", "Then", "Now", "Some", "Many", "Most", "Both", "What",
        "Who", "Why", "How", "Where", "Even", "Also", "Last", "Next", "Earlier", "Later").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Sentences as token ranges: Start is the first token's index, Length the token count.</summary>
    public static List<TextSpan> Split(string text, IReadOnlyList<TextSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<TextSpan>(tokens.Count / 20 + 1);
        var all = TextSpans.AsSpan(tokens);
        var start = 0;
        for (var k = 1; k <= all.Length; k++)
        {
            if (k == all.Length || IsBoundary(text, all, k))
            {
                sentences.Add(new TextSpan(start, k - start));
                start = k;
            }
        }

        return sentences;
    }

    /// <summary>Converts a token range to the character span it covers.</summary>
    public static TextSpan ToCharSpan(IReadOnlyList<TextSpan> tokens, TextSpan tokenRange)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var first = tokens[tokenRange.Start];
        var last = tokens[tokenRange.End - 1];
        return new TextSpan(first.Start, last.End - first.Start);
    }

    /// <summary>Whether a sentence starts at token k (k &gt; 0).</summary>
    private static bool IsBoundary(string text, ReadOnlySpan<TextSpan> tokens, int k)
    {
        var prev = tokens[k - 1];
        var next = tokens[k];
        var newlines = 0;
        for (var i = prev.End; i < next.Start; i++)
        {
            if (text[i] == '\n')
            {
                newlines++;
            }
        }

        var nextFirst = text[next.Start];
        var prevSpan = text.AsSpan(prev.Start, prev.Length);
        if (newlines >= 2)
        {
            return true;
        }

        if (newlines == 1)
        {
            return !char.IsLower(nextFirst) && prevSpan is not ("," or ";" or ":" or "(" or "-" or "&");
        }

        // A closing quote/bracket glued to the punctuation belongs to this sentence.
        if (IsCloser(nextFirst) && next.Length == 1 && next.Start == prev.End)
        {
            return false;
        }

        // Find the terminal punctuation before any glued closing quotes/brackets.
        var j = k - 1;
        while (j > 0 && tokens[j].Length == 1 && IsCloser(text[tokens[j].Start]) && tokens[j].Start == tokens[j - 1].End)
        {
            j--;
        }

        var term = text.AsSpan(tokens[j].Start, tokens[j].Length);
        if (term is "." or "!" or "?" or "..." or "\u2026")
        {
            return !char.IsLower(nextFirst) && nextFirst is not (',' or ';' or ':');
        }

        if (term.Length > 1 && term[^1] == '.' && char.IsLetter(term[0]))
        {
            if (Abbreviations.IsNonTerminal(term))
            {
                return false;
            }

            // Acronym or company abbreviation: only before a typical sentence opener.
            return Openers.Contains(text.AsSpan(next.Start, next.Length));
        }

        return false;
    }

    private static bool IsCloser(char c) => c is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']' or '\u00BB';
}

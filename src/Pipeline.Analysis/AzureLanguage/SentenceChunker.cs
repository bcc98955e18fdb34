namespace Pipeline.Analysis.AzureLanguage;

/// <summary>A slice of the article sent as one document; <see cref="Offset"/> maps results back to the article.</summary>
internal readonly record struct TextChunk(int Offset, int Length);

/// <summary>
/// Splits an article into documents of at most maxLength UTF-16 code units (5,120 by default: never more text
/// elements than that, whatever segmentation the service uses), cutting at sentence ends. A sentence longer than
/// the limit is cut at its last whitespace, or, with none, at the limit but never inside a surrogate pair.
/// </summary>
internal static class SentenceChunker
{
    private const string Terminators = ".!?\u2026\u3002\uFF01\uFF1F"; // . ! ? … and the CJK full-width ones
    private const string Closers = "\"'\u201D\u2019)]\u00BB";

    public static IReadOnlyList<TextChunk> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return [new TextChunk(0, text.Length)];
        }

        var boundaries = SentenceEnds(text);
        var chunks = new List<TextChunk>();
        var start = 0;
        var next = 0; // index into boundaries
        while (start < text.Length)
        {
            var limit = start + maxLength;
            if (limit >= text.Length)
            {
                chunks.Add(new TextChunk(start, text.Length - start));
                break;
            }

            while (next < boundaries.Count && boundaries[next] <= start)
            {
                next++;
            }

            var end = -1;
            for (var i = next; i < boundaries.Count && boundaries[i] <= limit; i++)
            {
                end = boundaries[i];
            }

            if (end < 0)
            {
                end = FallbackCut(text, start, limit);
            }

            chunks.Add(new TextChunk(start, end - start));
            start = end;
        }

        return chunks;
    }

    /// <summary>Positions just after each sentence end and the whitespace that follows it (trailing space stays with its sentence, as the service reports it).</summary>
    internal static List<int> SentenceEnds(string text)
    {
        var ends = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                var j = i + 1;
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                ends.Add(j);
                i = j;
                continue;
            }

            if (Terminators.Contains(c, StringComparison.Ordinal))
            {
                var j = i + 1;
                while (j < text.Length && (Terminators.Contains(text[j], StringComparison.Ordinal) || Closers.Contains(text[j], StringComparison.Ordinal)))
                {
                    j++;
                }

                var cjk = c is '\u3002' or '\uFF01' or '\uFF1F';
                if (j == text.Length || char.IsWhiteSpace(text[j]) || cjk)
                {
                    while (j < text.Length && char.IsWhiteSpace(text[j]))
                    {
                        j++;
                    }

                    ends.Add(j);
                }

                i = j;
                continue;
            }

            i++;
        }

        return ends;
    }

    private static int FallbackCut(string text, int start, int limit)
    {
        for (var i = limit; i > start + 1; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}

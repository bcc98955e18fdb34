using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.KeyPhrases;

/// <summary>One word of a candidate phrase.</summary>
internal readonly record struct ChunkWord(int Start, int Length, bool Capitalised, bool HasLetter);

/// <summary>
/// Splits a sentence into noun-phrase candidates: runs of words between punctuation, function words,
/// common verbs, "-ly" adverbs and past tenses. Runs of capitalised words stay together, so
/// "Democratic National Convention" is one candidate.
/// </summary>
internal static class PhraseChunker
{
    public const int MaxPhraseWords = 6;
    private const int MaxWordLength = 64;

    /// <summary>Calls <paramref name="onChunk"/> for each candidate with its words (valid only during the call).</summary>
    public static void Chunk(string text, TextSpan sentence, List<ChunkWord> buffer, Action<List<ChunkWord>, bool> onChunk)
    {
        buffer.Clear();
        var end = Math.Min(text.Length, sentence.End);
        var i = Math.Max(0, sentence.Start);
        if (i >= end)
        {
            return;
        }

        var atSentenceStart = true;

        // In a title-cased headline capitals say nothing about names: judge its words as if lower case.
        var titleCase = IsTitleCase(text.AsSpan(i, end - i));
        var chunkStartsSentence = true;
        Span<char> lower = stackalloc char[MaxWordLength];
        while (i < end)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                // Spaces keep a chunk going; line breaks and punctuation end it.
                if (!char.IsWhiteSpace(c) || c is '\n' or '\r')
                {
                    Flush(buffer, onChunk, chunkStartsSentence);
                }

                // A line (scraped headlines, captions), a colon's clause or a quotation starts like a sentence.
                atSentenceStart |= c is '\n' or ':' or '"' or '\u201C';

                // (So a plural possessive's apostrophe, "Sanders' supporters", ends the owner's phrase too.)

                i++;
                continue;
            }

            var start = i;
            var hasLetter = false;
            while (i < end)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d))
                {
                    hasLetter |= char.IsLetter(d);
                    i++;
                }
                else if (d is '-' or '\'' or '\u2019' or '.' or '&' && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                {
                    i++; // inner hyphen, apostrophe, dot ("U.S"), ampersand ("AT&T")
                }
                else
                {
                    break;
                }
            }

            // Acronyms keep their final dot: "U.S." is one word, not the end of a clause.
            if (i < end && text[i] == '.' && i - start >= 3 && text[i - 2] == '.')
            {
                i++;
            }

            var length = i - start;
            var possessive = length > 2 && text[i - 1] is 's' or 'S' && text[i - 2] is '\'' or '\u2019';
            if (possessive)
            {
                length -= 2;
            }

            var word = text.AsSpan(start, length);
            var capitalised = char.IsUpper(word[0]);
            if (IsBreaker(text, word, capitalised, titleCase, atSentenceStart, i, end, lower))
            {
                Flush(buffer, onChunk, chunkStartsSentence);
            }
            else
            {
                // A name after a common word starts a new phrase: "endorse | Clinton", "former | President Obama".
                if (capitalised && buffer.Count > 0 && !buffer[^1].Capitalised && buffer[^1].HasLetter)
                {
                    Flush(buffer, onChunk, chunkStartsSentence);
                }

                if (buffer.Count == 0)
                {
                    chunkStartsSentence = atSentenceStart;
                }

                buffer.Add(new ChunkWord(start, length, capitalised, hasLetter));
                if (possessive)
                {
                    // "Clinton's campaign": the owner and the owned are separate phrases.
                    Flush(buffer, onChunk, chunkStartsSentence);
                }
            }

            atSentenceStart = false;
        }

        Flush(buffer, onChunk, chunkStartsSentence);
    }

    private static bool IsTitleCase(ReadOnlySpan<char> sentence)
    {
        int words = 0, capitalised = 0;
        var inWord = false;
        foreach (var c in sentence)
        {
            if (char.IsLetter(c))
            {
                if (!inWord)
                {
                    words++;
                    capitalised += char.IsUpper(c) ? 1 : 0;
                }

                inWord = true;
            }
            else if (c is not ('\'' or '\u2019' or '-'))
            {
                inWord = false;
            }
        }

        return words >= 4 && capitalised * 10 >= words * 7;
    }

    private static bool IsBreaker(string text, ReadOnlySpan<char> word, bool capitalised, bool titleCase, bool atSentenceStart, int next, int end, Span<char> lower)
    {
        if (word.Length > MaxWordLength)
        {
            return true;
        }

        var key = lower[..word.ToLowerInvariant(lower)];
        // One pass finds either apostrophe; only then is the curly one folded (few words have one).
        var apostrophe = key.IndexOfAny('\'', '\u2019');
        if (apostrophe >= 0)
        {
            key.Replace('\u2019', '\'');
        }

        if (apostrophe > 0 && (KeyPhraseVocabulary.BreakerLookup.Contains(key[..apostrophe]) || key.EndsWith("n't")))
        {
            return true; // contractions: "he'll", "they've", "wouldn't"
        }

        if (KeyPhraseVocabulary.BreakerLookup.Contains(key))
        {
            // Mid-sentence "New", "May", "First" belong to names.
            return !(capitalised && !atSentenceStart && KeyPhraseVocabulary.CapitalisedInNamesLookup.Contains(key));
        }

        if (capitalised && !titleCase)
        {
            return false;
        }

        if (key.Length > 4 && key.EndsWith("ly") && !KeyPhraseVocabulary.NotAdverbLookup.Contains(key))
        {
            return true; // adverb
        }

        if (key.Length > 4 && key.EndsWith("ed") && !KeyPhraseVocabulary.NotPastTenseLookup.Contains(key))
        {
            return true; // past tense or participle: "raised", "elected"
        }

        // "-ing" followed by a determiner is a verb: "leading the polls".
        return key.Length > 5 && key.EndsWith("ing") && NextWordIsDeterminer(text, next, end, lower);
    }

    private static bool NextWordIsDeterminer(string text, int i, int end, Span<char> lower)
    {
        while (i < end && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < end && char.IsLetter(text[i]) && i - start < 8)
        {
            i++;
        }

        if (i == start || i - start >= 8)
        {
            return false;
        }

        var key = lower[..text.AsSpan(start, i - start).ToLowerInvariant(lower)];
        return KeyPhraseVocabulary.DeterminerLookup.Contains(key);
    }

    private static void Flush(List<ChunkWord> buffer, Action<List<ChunkWord>, bool> onChunk, bool startsSentence)
    {
        // Numbers at either edge are not part of the phrase ("2016 election" keeps "election").
        while (buffer.Count > 0 && !buffer[0].HasLetter)
        {
            buffer.RemoveAt(0);
        }

        while (buffer.Count > 0 && !buffer[^1].HasLetter)
        {
            buffer.RemoveAt(buffer.Count - 1);
        }

        if (buffer.Count > 0)
        {
            if (buffer.Count <= MaxPhraseWords)
            {
                onChunk(buffer, startsSentence);
            }
            else
            {
                // An over-long run is a list of names or a title-cased line: keep its last words, where heads live.
                buffer.RemoveRange(0, buffer.Count - MaxPhraseWords);
                onChunk(buffer, false);
            }
        }

        buffer.Clear();
    }
}

using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Language;

/// <summary>Per-language evidence from the words of a sample.</summary>
/// <param name="Scores">Evidence per language index of <see cref="LanguageProfiles.Languages"/>.</param>
/// <param name="Words">Words read.</param>
internal readonly record struct WordEvidence(double[] Scores, int Words);

/// <summary>
/// Scores a sample against the language profiles. Capitalised words are mostly names ("De Blasio",
/// "Los Angeles", "Van Hollen") and would lend evidence to the wrong language, so only words that start
/// in lower case count — unless the text has almost none (an all-capitalised headline), then all do.
/// </summary>
internal sealed class WordEvidenceScorer
{
    private const int MaxWordLength = 48;
    private const double EnoughLowercaseEvidence = 1.5;
    private const double DecisiveEvidence = 40;

    private static readonly int LanguageCount = LanguageProfiles.Languages.Length;

    // Function words by their TextHash: one probe of one array per word (two words sharing a 64-bit hash are
    // vanishingly unlikely among a few hundred function words, and would only lend a little evidence).
    private readonly WordHashTable<WordWeights> _words =
        new(LanguageProfiles.WordWeights.Select(w => KeyValuePair.Create(TextHash.Of(w.Key), new WordWeights(w.Value))));

    // The n-grams that can start with each ASCII letter (most letters of the Latin-script languages), without a lookup.
    private static readonly LanguageProfiles.GramHint[]?[] AsciiGrams = Enumerable.Range(0, 128)
        .Select(c => LanguageProfiles.GramsByFirstLetter.TryGetValue((char)c, out var grams) ? grams : null)
        .ToArray();

    public WordEvidence Score(ReadOnlySpan<char> sample)
    {
        var lower = new double[LanguageCount];
        var all = new double[LanguageCount];
        Span<char> buffer = stackalloc char[MaxWordLength + 2];
        var words = 0;
        var i = 0;
        var afterApostrophe = false;
        while (i < sample.Length)
        {
            if (!char.IsLetter(sample[i]))
            {
                // "FOX411's": a clitic after a digit is still the English "'s", not the Czech preposition "s".
                afterApostrophe = IsApostrophe(sample[i]) && i > 0 && char.IsDigit(sample[i - 1]) && i + 1 < sample.Length && char.IsLetter(sample[i + 1]);
                i++;
                continue;
            }

            var start = i;
            while (i < sample.Length && (char.IsLetter(sample[i]) || char.GetUnicodeCategory(sample[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                i++;
            }

            var word = sample[start..i];
            var beforeApostrophe = i + 1 < sample.Length && IsApostrophe(sample[i]) && char.IsLetter(sample[i + 1]);
            words++;
            if (word.Length <= MaxWordLength)
            {
                // Clitics are looked up with their apostrophe: "l'" and "qu'" are French, "'s" and "'t" English.
                var length = 0;
                if (afterApostrophe)
                {
                    buffer[length++] = '\'';
                }

                length += word.ToLowerInvariant(buffer[length..]);
                if (beforeApostrophe)
                {
                    buffer[length++] = '\'';
                }

                var key = buffer[..length];
                var isLower = !char.IsUpper(word[0]);
                // One lookup feeds both tallies (each still receives the same additions in the same order).
                var alsoLower = isLower ? lower : null;
                AddWord(key, all, alsoLower);
                AddLetters(key, all, alsoLower);
            }

            // Enough is enough: once one language clearly leads, the rest of the sample will not change the answer.
            if ((words & 63) == 0 && IsDecisive(lower))
            {
                break;
            }

            afterApostrophe = beforeApostrophe;
            if (beforeApostrophe)
            {
                i++;
            }
        }

        return new WordEvidence(lower.Sum() >= EnoughLowercaseEvidence ? lower : all, words);
    }

    private static bool IsDecisive(double[] scores)
    {
        double best = 0, second = 0;
        foreach (var score in scores)
        {
            if (score > best)
            {
                (second, best) = (best, score);
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return best >= DecisiveEvidence && best >= 4 * second;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private void AddWord(ReadOnlySpan<char> key, double[] scores, double[]? alsoInto)
    {
        if (_words.TryGetValue(TextHash.Of(key), out var weights))
        {
            Add(weights.Weights, scores, alsoInto);
            return;
        }

        // Not a function word: look for characteristic n-grams instead.
        if (key.Length < 3)
        {
            return;
        }

        // Every n-gram is at least two letters long (checked when the table is built), so none starts at the last one.
        for (var i = 0; i + 1 < key.Length; i++)
        {
            var c = key[i];
            var next = key[i + 1];
            if (c < 128 && next < 128 && !AsciiPairStarts[(c * 128) + next])
            {
                continue;
            }

            var grams = c < 128 ? AsciiGrams[c] : LanguageProfiles.GramsByFirstLetter.GetValueOrDefault(c);
            if (grams is null)
            {
                continue;
            }

            var rest = key[i..];
            foreach (var gram in grams)
            {
                if ((gram.AtStart && i > 0) || (gram.AtEnd && rest.Length != gram.Gram.Length) || !rest.StartsWith(gram.Gram, StringComparison.Ordinal))
                {
                    continue;
                }

                Add(gram.Weights, scores, alsoInto);
            }
        }
    }

    private static void AddLetters(ReadOnlySpan<char> key, double[] scores, double[]? alsoInto)
    {
        foreach (var c in key)
        {
            if (c >= '\u00DF' && LanguageProfiles.LetterWeights.TryGetValue(c, out var weights))
            {
                Add(weights, scores, alsoInto);
            }
        }
    }

    // Whether some n-gram starts with this pair of ASCII characters: one read rules out most positions of most words.
    private static readonly bool[] AsciiPairStarts = BuildPairStarts();

    private static bool[] BuildPairStarts()
    {
        var starts = new bool[128 * 128];
        foreach (var gram in LanguageProfiles.Grams)
        {
            if (gram.Gram.Length < 2)
            {
                throw new InvalidOperationException($"The n-gram \"{gram.Gram}\" is shorter than two letters.");
            }

            if (gram.Gram[0] < 128 && gram.Gram[1] < 128)
            {
                starts[(gram.Gram[0] * 128) + gram.Gram[1]] = true;
            }
        }

        return starts;
    }

    private readonly record struct WordWeights((int Language, double Weight)[] Weights);

    private static void Add((int Language, double Weight)[] weights, double[] scores, double[]? alsoInto)
    {
        foreach (var (language, weight) in weights)
        {
            scores[language] += weight;
        }

        if (alsoInto is not null)
        {
            foreach (var (language, weight) in weights)
            {
                alsoInto[language] += weight;
            }
        }
    }
}

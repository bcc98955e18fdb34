namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Regular English inflections of lexicon words ("attack" → "attacked", "attacking", "attacks"), added at load
/// time with the base word's valence when the lexicon lacks them: VADER has no stemmer and misses most
/// inflected news verbs. Expanding once keeps the per-token cost at one lookup.
/// </summary>
internal static class LexiconInflections
{
    public static IEnumerable<string> Of(string word)
    {
        if (word.Length < 3 || !word.All(char.IsAsciiLetterLower))
        {
            yield break;
        }

        var last = word[^1];
        if (last == 'e')
        {
            var stem = word[..^1];
            yield return word + "s";
            yield return word + "d";
            yield return stem + "ing";
            yield return word + "ly";
            yield break;
        }

        if (last == 'y' && !IsVowel(word[^2]))
        {
            var stem = word[..^1];
            yield return stem + "ies";
            yield return stem + "ied";
            yield return word + "ing";
            yield return stem + "ily";
            yield break;
        }

        yield return word + (last is 's' or 'x' or 'z' or 'h' ? "es" : "s");
        yield return word + "ed";
        yield return word + "ing";
        yield return word + "ly";

        // Consonant doubling after a short vowel: "stab" → "stabbed", "stabbing".
        if (word.Length <= 5 && !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3]))
        {
            yield return word + last + "ed";
            yield return word + last + "ing";
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}

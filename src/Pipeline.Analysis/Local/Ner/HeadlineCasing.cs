using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// All-caps lines ("TRUMP CLAIMS OBAMA WIRETAPPED TRUMP TOWER") give the tagger no case to go by, so they are cased
/// before tagging: each word as the rest of the document writes it ("Trump", "DNC", "the"), else Title Case. The
/// cased copy has the same length and offsets as the text, so mentions found in it are mentions of the text.
/// </summary>
internal static class HeadlineCasing
{
    /// <summary>Fewer capital letters than this is an acronym or a shout, not a line to case.</summary>
    private const int MinLetters = 8;

    /// <summary>The text with its all-caps sentences cased; the text itself (no copy) when it has none.</summary>
    public static string Case(string text, ReadOnlySpan<TextSpan> tokens, IReadOnlyList<TextSpan> sentences)
    {
        bool[]? allCaps = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            if (IsAllCaps(text, tokens.Slice(sentences[s].Start, sentences[s].Length)))
            {
                (allCaps ??= new bool[sentences.Count])[s] = true;
            }
        }

        if (allCaps is null)
        {
            return text;
        }

        var forms = DocumentForms(text, tokens, sentences, allCaps).GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = text.ToCharArray();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (!allCaps[s])
            {
                continue;
            }

            foreach (var t in tokens.Slice(sentences[s].Start, sentences[s].Length))
            {
                var word = text.AsSpan(t.Start, t.Length);
                var into = chars.AsSpan(t.Start, t.Length);
                if (forms.TryGetValue(word, out var form))
                {
                    form.AsSpan().CopyTo(into);
                }
                else
                {
                    word.ToLowerInvariant(into);
                    into[0] = char.ToUpperInvariant(into[0]);
                }
            }
        }

        return new string(chars);
    }

    private static bool IsAllCaps(string text, ReadOnlySpan<TextSpan> sentence)
    {
        int upper = 0, words = 0;
        foreach (var t in sentence)
        {
            var counted = false;
            foreach (var c in text.AsSpan(t.Start, t.Length))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                if (char.IsUpper(c))
                {
                    upper++;
                    counted = true;
                }
            }

            words += counted ? 1 : 0;
        }

        return upper >= MinLetters && words >= 2;
    }

    /// <summary>Each word's commonest spelling outside the all-caps sentences, keyed case-insensitively.</summary>
    private static Dictionary<string, string> DocumentForms(string text, ReadOnlySpan<TextSpan> tokens, IReadOnlyList<TextSpan> sentences, bool[] allCaps)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            if (allCaps[s])
            {
                continue;
            }

            foreach (var t in tokens.Slice(sentences[s].Start, sentences[s].Length))
            {
                if (char.IsLetter(text[t.Start]))
                {
                    var form = text.Substring(t.Start, t.Length);
                    counts[form] = counts.GetValueOrDefault(form) + 1;
                }
            }
        }

        var best = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (form, count) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            best.TryAdd(form, form);
        }

        return best;
    }
}

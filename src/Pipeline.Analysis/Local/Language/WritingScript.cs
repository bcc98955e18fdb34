namespace Pipeline.Analysis.Local.Language;

/// <summary>The writing systems the detector tells apart before looking at words.</summary>
internal enum WritingScript
{
    None,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Han,
    Kana,
    Hangul,
    Devanagari,
    Thai,
}

/// <summary>Letter counts per script over a sample of text.</summary>
internal sealed class ScriptCounts
{
    private static readonly WritingScript[] AllScripts = Enum.GetValues<WritingScript>();

    private readonly int[] _counts = new int[AllScripts.Length];

    public int this[WritingScript script] => _counts[(int)script];

    public int Letters { get; private set; }

    public static WritingScript Classify(char c) => c switch
    {
        < '\u0041' => WritingScript.None,
        <= '\u024F' => char.IsLetter(c) ? WritingScript.Latin : WritingScript.None,
        >= '\u0370' and <= '\u03FF' => WritingScript.Greek,
        >= '\u1F00' and <= '\u1FFF' => WritingScript.Greek,
        >= '\u0400' and <= '\u052F' => WritingScript.Cyrillic,
        >= '\u0590' and <= '\u05FF' => WritingScript.Hebrew,
        >= '\u0600' and <= '\u06FF' => WritingScript.Arabic,
        >= '\u0750' and <= '\u077F' => WritingScript.Arabic,
        >= '\u0900' and <= '\u097F' => WritingScript.Devanagari,
        >= '\u0E00' and <= '\u0E7F' => WritingScript.Thai,
        >= '\u1E00' and <= '\u1EFF' => WritingScript.Latin,
        >= '\u3040' and <= '\u30FF' => WritingScript.Kana,
        >= '\u31F0' and <= '\u31FF' => WritingScript.Kana,
        >= '\u3400' and <= '\u4DBF' => WritingScript.Han,
        >= '\u4E00' and <= '\u9FFF' => WritingScript.Han,
        >= '\uF900' and <= '\uFAFF' => WritingScript.Han,
        >= '\u1100' and <= '\u11FF' => WritingScript.Hangul,
        >= '\u3130' and <= '\u318F' => WritingScript.Hangul,
        >= '\uAC00' and <= '\uD7AF' => WritingScript.Hangul,
        >= '\uFB1D' and <= '\uFB4F' => WritingScript.Hebrew,
        >= '\uFB50' and <= '\uFDFF' => WritingScript.Arabic,
        >= '\uFE70' and <= '\uFEFF' => WritingScript.Arabic,
        >= '\uFF21' and <= '\uFF5A' => WritingScript.Latin,
        >= '\uFF66' and <= '\uFF9F' => WritingScript.Kana,
        _ => WritingScript.None,
    };

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var script = Classify(c);
            if (script != WritingScript.None)
            {
                _counts[(int)script]++;
                Letters++;
            }
        }
    }

    /// <summary>
    /// The script with the most weight. One CJK or Hangul character carries about a word's worth of text,
    /// so it weighs more than one alphabetic letter: Latin names inside a Chinese article do not win.
    /// </summary>
    public WritingScript Dominant(out double share)
    {
        var best = WritingScript.None;
        double bestWeight = 0, total = 0;
        foreach (var script in AllScripts)
        {
            if (script == WritingScript.None)
            {
                continue;
            }

            double weight = _counts[(int)script] * (script is WritingScript.Han or WritingScript.Kana or WritingScript.Hangul ? 3 : 1);
            total += weight;
            if (weight > bestWeight)
            {
                (best, bestWeight) = (script, weight);
            }
        }

        share = total > 0 ? bestWeight / total : 0;
        return best;
    }
}

using System.Collections.Frozen;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.Language;

/// <summary>
/// Detects the language of a text from the first two kilobytes: the writing script first, then, for
/// alphabets shared by several languages (Latin, Cyrillic), function words, peculiar letters and
/// characteristic character n-grams. English is the default for Latin text without clear evidence of
/// another language, so names-heavy English headlines stay English. Thread-safe: one instance serves all callers.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>Only this much of the text is read (about 300 words): language does not change halfway through a news article.</summary>
    internal const int SampleLength = 2048;

    private const int MinLetters = 3;

    private static readonly DetectedLanguage Unknown = new("(Unknown)", "(Unknown)", 0);

    private readonly WordEvidenceScorer _scorer = new();

    public static LanguageDetector CreateDefault() => new();

    /// <summary>Names the language of the text; "(Unknown)" ISO code when undetermined.</summary>
    public DetectedLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = Sample(text);
        var scripts = new ScriptCounts();
        scripts.Add(sample);
        if (scripts.Letters < MinLetters)
        {
            return Unknown;
        }

        var script = scripts.Dominant(out var share);
        return script switch
        {
            WritingScript.Latin => FromWords(sample, 0, 14, share),
            WritingScript.Cyrillic => FromWords(sample, 15, 17, share),
            WritingScript.Han or WritingScript.Kana => Cjk(sample, scripts),
            WritingScript.Hangul => OfCode("ko", share),
            WritingScript.Greek => OfCode("el", share),
            WritingScript.Hebrew => OfCode("he", share),
            WritingScript.Arabic => Arabic(sample, share),
            WritingScript.Devanagari => OfCode("hi", share),
            WritingScript.Thai => OfCode("th", share),
            _ => Unknown,
        };
    }

    private static readonly FrozenDictionary<string, string> NamesByCode = LanguageProfiles.Languages
        .Select(l => KeyValuePair.Create(l.Iso6391Name, l.Name))
        .Concat(new Dictionary<string, string>
        {
            ["ko"] = "Korean", ["el"] = "Greek", ["he"] = "Hebrew", ["hi"] = "Hindi", ["th"] = "Thai", ["ja"] = "Japanese",
            ["zh"] = "Chinese_Simplified", ["zh-hans"] = "Chinese_Simplified", ["zh_chs"] = "Chinese_Simplified",
            ["zh-hant"] = "Chinese_Traditional", ["zh_cht"] = "Chinese_Traditional", ["fa"] = "Persian", ["ar"] = "Arabic",
        })
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The language's name as Azure AI Language gives it ("French" for "fr"), or the code itself when unknown.</summary>
    public static string NameOf(string iso6391Name)
    {
        ArgumentNullException.ThrowIfNull(iso6391Name);
        return NamesByCode.GetValueOrDefault(iso6391Name) ?? NamesByCode.GetValueOrDefault(iso6391Name.Split('-', '_')[0]) ?? iso6391Name;
    }

    /// <summary>Whether the local analyzer can score text in this language (ISO 639-1).</summary>
    public static bool IsScoringSupported(string iso6391Name) =>
        string.Equals(iso6391Name, "en", StringComparison.OrdinalIgnoreCase)
        || (iso6391Name is not null && iso6391Name.StartsWith("en-", StringComparison.OrdinalIgnoreCase));

    private static ReadOnlySpan<char> Sample(string text)
    {
        if (text.Length <= SampleLength)
        {
            return text;
        }

        // End the sample at a space so the last word is whole.
        var span = text.AsSpan(0, SampleLength);
        var space = span[^64..].LastIndexOfAny(' ', '\n', '\t');
        return space < 0 ? span : span[..(SampleLength - 64 + space)];
    }

    private DetectedLanguage FromWords(ReadOnlySpan<char> sample, int first, int last, double scriptShare)
    {
        var evidence = _scorer.Score(sample);
        var scores = evidence.Scores;
        int best = first, second = -1;
        for (var i = first + 1; i <= last; i++)
        {
            if (scores[i] > scores[best])
            {
                (second, best) = (best, i);
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        var defaultLanguage = first; // English for Latin, Russian for Cyrillic: the commonest by far.
        var bestScore = scores[best];
        if (bestScore < 1.0)
        {
            // No clear evidence: names, numbers, a headline. Say the default only for a real run of words.
            return evidence.Words >= 3 ? Of(LanguageProfiles.Languages[defaultLanguage], 0.5 * scriptShare) : Unknown;
        }

        // Another language must clearly beat the default, so a quoted foreign phrase or a "de la" in a name
        // does not flip an English article.
        if (best != defaultLanguage && !(bestScore >= 1.5 && bestScore > (1.25 * scores[defaultLanguage]) + 0.5))
        {
            best = defaultLanguage;
            bestScore = scores[defaultLanguage];
            second = -1;
            for (var i = first; i <= last; i++)
            {
                if (i != best && (second < 0 || scores[i] > scores[second]))
                {
                    second = i;
                }
            }
        }

        var secondScore = second >= 0 ? scores[second] : 0;
        var margin = bestScore > 0 ? 1 - (0.5 * Math.Min(1, secondScore / bestScore)) : 0.5;
        var strength = Math.Min(1, 0.5 + (bestScore / 8));
        return Of(LanguageProfiles.Languages[best], Math.Max(0.3, margin * strength * scriptShare));
    }

    private static DetectedLanguage Cjk(ReadOnlySpan<char> sample, ScriptCounts scripts)
    {
        var han = scripts[WritingScript.Han];
        var kana = scripts[WritingScript.Kana];
        // Han and kana together make Japanese text: its confidence is their joint share, not the larger one's.
        var cjkShare = Math.Min(1, (han + kana) * 3.0 / Math.Max(1, ((han + kana) * 3.0) + (scripts.Letters - han - kana)));
        if (kana * 10 >= han + kana)
        {
            return OfCode("ja", cjkShare);
        }

        var (simplified, traditional) = (0, 0);
        foreach (var c in sample)
        {
            if (ChineseVariants.Simplified.Contains(c))
            {
                simplified++;
            }
            else if (ChineseVariants.Traditional.Contains(c))
            {
                traditional++;
            }
        }

        // The code is ISO 639-1 "zh" for both (the API filters by ISO 639-1); the name tells the script apart.
        return traditional > simplified
            ? Of(NameOf("zh_cht"), "zh", cjkShare)
            : Of(NameOf("zh_chs"), "zh", cjkShare);
    }

    private static DetectedLanguage Arabic(ReadOnlySpan<char> sample, double share)
    {
        // Persian writes four letters Arabic lacks (پ چ ژ گ); Arabic uses ة and ي which Persian avoids.
        var (persian, arabic) = (0, 0);
        foreach (var c in sample)
        {
            switch (c)
            {
                case '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06CC' or '\u06A9':
                    persian++;
                    break;
                case '\u0629' or '\u064A' or '\u0643':
                    arabic++;
                    break;
            }
        }

        return persian > arabic ? OfCode("fa", share) : OfCode("ar", share);
    }

    private static DetectedLanguage Of(LanguageInfo language, double confidence) =>
        Of(language.Name, language.Iso6391Name, confidence);

    /// <summary>A language outside the word scorer's list, named from <see cref="NamesByCode"/>.</summary>
    private static DetectedLanguage OfCode(string iso, double confidence) => Of(NameOf(iso), iso, confidence);

    private static DetectedLanguage Of(string name, string iso, double confidence) =>
        new(name, iso, Math.Round(Math.Clamp(confidence, 0, 1), 2));
}

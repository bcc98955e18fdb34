using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.Language;

// PLACEHOLDER (owned by the language/key-phrase work).
public sealed class LanguageDetector
{
    public static LanguageDetector CreateDefault() => throw new NotImplementedException();

    /// <summary>Names the language of the text; "(Unknown)" ISO code when undetermined.</summary>
    public DetectedLanguage Detect(string text) => throw new NotImplementedException();

    /// <summary>Whether the local analyzer can score text in this language (ISO 639-1).</summary>
    public static bool IsScoringSupported(string iso6391Name) => throw new NotImplementedException();
}

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// Languages the sentiment model accepts, as the service itself listed them in a real UnsupportedLanguageCode
/// error (spec fixtures R10): de, en, es, fr, hi, it, ja, ko, nl, no, pt-BR, pt-PT, tr, zh-Hans, zh-Hant.
/// Only these are scored (like the local analyzer: other languages get IsScored=false and no entities or phrases).
/// </summary>
internal static class SentimentLanguages
{
    private static readonly Dictionary<string, string> ServiceCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "de", ["en"] = "en", ["es"] = "es", ["fr"] = "fr", ["hi"] = "hi", ["it"] = "it", ["ja"] = "ja",
        ["ko"] = "ko", ["nl"] = "nl", ["no"] = "no", ["nb"] = "no", ["tr"] = "tr",
        ["pt"] = "pt-PT", ["pt-PT"] = "pt-PT", ["pt-BR"] = "pt-BR",
        ["zh"] = "zh-Hans", ["zh_chs"] = "zh-Hans", ["zh-Hans"] = "zh-Hans", ["zh-CN"] = "zh-Hans",
        ["zh_cht"] = "zh-Hant", ["zh-Hant"] = "zh-Hant", ["zh-TW"] = "zh-Hant",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "German", ["en"] = "English", ["es"] = "Spanish", ["fr"] = "French", ["hi"] = "Hindi", ["it"] = "Italian",
        ["ja"] = "Japanese", ["ko"] = "Korean", ["nl"] = "Dutch", ["no"] = "Norwegian", ["tr"] = "Turkish",
        ["pt"] = "Portuguese", ["zh"] = "Chinese",
    };

    /// <summary>The `language` value to send for a detected or declared code, or null when sentiment does not support it.</summary>
    public static string? ToServiceCode(string iso6391Name) => ServiceCodes.GetValueOrDefault(iso6391Name);

    /// <summary>English name for a declared ISO 639-1 code (no detection call was made); the code itself when unknown.</summary>
    public static string NameOf(string iso6391Name) => Names.GetValueOrDefault(iso6391Name.Split('-', '_')[0], iso6391Name);
}

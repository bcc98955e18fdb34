namespace Pipeline.Analysis.AzureLanguage;

/// <summary>The `kind` values of the `:analyze-text` operation used here.</summary>
internal static class LanguageTaskKind
{
    public const string Sentiment = "SentimentAnalysis";
    public const string Entities = "EntityRecognition";
    public const string KeyPhrases = "KeyPhraseExtraction";
    public const string LanguageDetection = "LanguageDetection";
}

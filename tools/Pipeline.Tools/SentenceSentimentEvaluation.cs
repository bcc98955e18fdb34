namespace Pipeline.Tools;

// PLACEHOLDER (owned by the sentiment work).
internal static class SentenceSentimentEvaluation
{
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) => throw new NotImplementedException();
}

namespace Pipeline.Tools;

// PLACEHOLDER (owned by the NER work).
internal static class NerEvaluation
{
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) => throw new NotImplementedException();
}

namespace Pipeline.Tools;

// PLACEHOLDER (owned by the sentiment work).
internal static class SentimentTraining
{
    public static int Run(IReadOnlyList<string> args) => throw new NotImplementedException();
}

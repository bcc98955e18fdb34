namespace Pipeline.Tools;

// PLACEHOLDER (owned by the NER work).
internal static class NerTraining
{
    public static int Run(IReadOnlyList<string> args) => throw new NotImplementedException();
}

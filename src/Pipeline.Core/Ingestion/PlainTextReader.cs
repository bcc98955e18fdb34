namespace Pipeline.Core.Ingestion;

/// <summary>Plain text carries no markup: its first line may be the headline (decided after boilerplate removal).</summary>
internal static class PlainTextReader
{
    public static ContentFields Read(string text) => new() { Body = text, FirstLineMayBeHeadline = true };
}

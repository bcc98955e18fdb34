namespace Pipeline.Analysis.Local.Ner;

/// <summary>Embedded NER resources (weights and gazetteers), named "Pipeline.Analysis.Ner.FILE".</summary>
internal static class NerResources
{
    public static Stream Open(string file) =>
        typeof(NerResources).Assembly.GetManifestResourceStream("Pipeline.Analysis.Ner." + file)
        ?? throw new InvalidOperationException($"Embedded NER resource '{file}' is missing from Pipeline.Analysis.");
}

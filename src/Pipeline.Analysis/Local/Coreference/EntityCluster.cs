using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Analysis.Local.Coreference;

/// <summary>One document entity: canonical name, category, and its mentions in document order.</summary>
public sealed record EntityCluster(string Name, string Category, string? Subcategory, IReadOnlyList<DetectedMention> Mentions);

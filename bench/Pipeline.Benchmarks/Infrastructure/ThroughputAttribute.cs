namespace Pipeline.Benchmarks.Infrastructure;

/// <summary>What one benchmark operation reads: all sentences or all articles of the corpus.</summary>
public enum ThroughputUnit
{
    Sentences,
    Articles,
}

/// <summary>Marks a benchmark whose single operation processes the whole corpus, so MB/s = corpus bytes / mean time.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ThroughputAttribute(ThroughputUnit unit) : Attribute
{
    public ThroughputUnit Unit { get; } = unit;
}

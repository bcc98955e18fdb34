using BenchmarkDotNet.Attributes;
using Pipeline.Benchmarks.Corpus;

namespace Pipeline.Benchmarks.Benchmarks;

/// <summary>Base of the benchmarks: one operation processes the whole corpus.</summary>
public abstract class CorpusBenchmark
{
    [ParamsSource(nameof(CorpusNames))]
    public string Corpus { get; set; } = BenchCorpora.Synthetic;

    public static IEnumerable<string> CorpusNames => BenchCorpora.Names;

    protected BenchCorpus Data { get; private set; } = null!;

    protected void LoadCorpus() => Data = BenchCorpora.Get(Corpus);
}

using BenchmarkDotNet.Attributes;
using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Benchmarks.Infrastructure;

namespace Pipeline.Benchmarks.Benchmarks;

/// <summary>Key phrase extraction per article, given its sentence spans.</summary>
public class KeyPhraseBenchmarks : CorpusBenchmark
{
    public const int MaxPhrases = 20;

    private KeyPhraseExtractor _extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        LoadCorpus();
        _extractor = KeyPhraseExtractor.CreateDefault();
    }

    [Benchmark]
    [Throughput(ThroughputUnit.Articles)]
    public int KeyPhrases()
    {
        var phrases = 0;
        foreach (var article in Data.Articles)
        {
            phrases += _extractor.Extract(article.Text, article.Sentences, MaxPhrases).Count;
        }

        return phrases;
    }
}

using BenchmarkDotNet.Attributes;
using Pipeline.Analysis.Local.Language;
using Pipeline.Benchmarks.Infrastructure;

namespace Pipeline.Benchmarks.Benchmarks;

/// <summary>Language detection per article (it samples at most the first 4 KB of each).</summary>
public class LanguageBenchmarks : CorpusBenchmark
{
    private LanguageDetector _detector = null!;

    [GlobalSetup]
    public void Setup()
    {
        LoadCorpus();
        _detector = LanguageDetector.CreateDefault();
    }

    [Benchmark]
    [Throughput(ThroughputUnit.Articles)]
    public int LanguageDetection()
    {
        var english = 0;
        foreach (var article in Data.Articles)
        {
            english += _detector.Detect(article.Text).Iso6391Name == "en" ? 1 : 0;
        }

        return english;
    }
}

using BenchmarkDotNet.Attributes;
using Pipeline.Analysis.Local;
using Pipeline.Benchmarks.Infrastructure;
using Pipeline.Core.Analysis;

namespace Pipeline.Benchmarks.Benchmarks;

/// <summary>Everything the local analyzer does per article: language, sentences, sentiment, entities, targets, key phrases.</summary>
public class FullAnalysisBenchmarks : CorpusBenchmark
{
    private LocalTextAnalyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        LoadCorpus();
        _analyzer = LocalTextAnalyzer.CreateDefault();
    }

    [Benchmark]
    [Throughput(ThroughputUnit.Articles)]
    public async Task<int> FullAnalysis()
    {
        var entities = 0;
        foreach (var article in Data.Articles)
        {
            var analysis = await _analyzer.AnalyzeAsync(new AnalysisRequest(article.Text), CancellationToken.None);
            entities += analysis.Entities.Count;
        }

        return entities;
    }
}

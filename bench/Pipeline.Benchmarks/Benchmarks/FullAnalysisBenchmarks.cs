using BenchmarkDotNet.Attributes;
using Pipeline.Analysis.Local;
using Pipeline.Benchmarks.Infrastructure;
using Pipeline.Core.Analysis;

namespace Pipeline.Benchmarks.Benchmarks;

/// <summary>Everything the local analyzer does per article: language, sentences, sentiment, entities, targets, key phrases.</summary>
public class FullAnalysisBenchmarks : CorpusBenchmark
{
    private LocalTextAnalyzer _analyzer = null!;
    private LocalTextAnalyzer _withoutTargetNetworks = null!;

    [GlobalSetup]
    public void Setup()
    {
        LoadCorpus();
        _analyzer = LocalTextAnalyzer.CreateDefault();
        _withoutTargetNetworks = LocalTextAnalyzer.CreateWithoutTargetNetworks();
    }

    [Benchmark]
    [Throughput(ThroughputUnit.Articles)]
    public Task<int> FullAnalysis() => AnalyzeAll(_analyzer);

    /// <summary>The same with <c>Analysis:TargetNetworks=false</c> (entity sentiment from the linear target model alone).</summary>
    [Benchmark]
    [Throughput(ThroughputUnit.Articles)]
    public Task<int> FullAnalysisNoTargetNetworks() => AnalyzeAll(_withoutTargetNetworks);

    private async Task<int> AnalyzeAll(LocalTextAnalyzer analyzer)
    {
        var entities = 0;
        foreach (var article in Data.Articles)
        {
            var analysis = await analyzer.AnalyzeAsync(new AnalysisRequest(article.Text), CancellationToken.None);
            entities += analysis.Entities.Count;
        }

        return entities;
    }
}

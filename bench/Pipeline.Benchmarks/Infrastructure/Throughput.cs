using System.Reflection;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Pipeline.Benchmarks.Corpus;

namespace Pipeline.Benchmarks.Infrastructure;

/// <summary>MB/s (10^6 bytes of UTF-8 text per second) of a finished benchmark case.</summary>
public static class Throughput
{
    public static string CorpusOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Corpus")?.Value as string ?? BenchCorpora.Synthetic;

    public static long BytesPerOperation(BenchmarkCase benchmarkCase)
    {
        var unit = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputAttribute>()?.Unit;
        var corpus = BenchCorpora.Get(CorpusOf(benchmarkCase));
        return unit == ThroughputUnit.Sentences ? corpus.SentenceBytes : corpus.ArticleBytes;
    }

    public static double? MegabytesPerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || stats.Mean <= 0)
        {
            return null;
        }

        return BytesPerOperation(benchmarkCase) / (stats.Mean / 1e9) / 1e6;
    }
}

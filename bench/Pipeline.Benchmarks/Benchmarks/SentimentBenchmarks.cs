using BenchmarkDotNet.Attributes;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Benchmarks.Infrastructure;

namespace Pipeline.Benchmarks.Benchmarks;

/// <summary>Sentence sentiment alone: the number compared with npm `sentiment` (AFINN) and `vader-sentiment`.</summary>
public class SentimentBenchmarks : CorpusBenchmark
{
    private SentimentAnalyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        LoadCorpus();
        _analyzer = SentimentAnalyzer.CreateDefault();
    }

    [Benchmark]
    [Throughput(ThroughputUnit.Sentences)]
    public double Sentiment()
    {
        double sum = 0;
        foreach (var article in Data.Articles)
        {
            foreach (var s in article.Sentences)
            {
                sum += _analyzer.ScoreSentence(article.Text, s.Start, s.Length).Polarity;
            }
        }

        return sum;
    }
}

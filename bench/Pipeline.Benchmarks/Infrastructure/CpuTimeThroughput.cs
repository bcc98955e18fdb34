using System.Diagnostics;
using System.Globalization;
using Pipeline.Benchmarks.Benchmarks;
using Pipeline.Benchmarks.Corpus;

namespace Pipeline.Benchmarks.Infrastructure;

/// <summary>
/// `cpu` mode: MB per CPU-second of the same benchmark methods. On a shared machine the wall-clock figures of
/// BenchmarkDotNet fall with the load of other processes; CPU time charged to this process does not, so it
/// tells what one dedicated core would do. The Node peers report the same measure (process.cpuUsage).
/// </summary>
public static class CpuTimeThroughput
{
    public static int Run(double seconds, TextWriter output)
    {
        output.WriteLine("benchmark\tcorpus\tcpu_mb_per_s\tpasses");
        foreach (var corpus in BenchCorpora.Names)
        {
            var data = BenchCorpora.Get(corpus);
            Measure(output, "Sentiment", corpus, data.SentenceBytes, seconds, () =>
            {
                var b = new SentimentBenchmarks { Corpus = corpus };
                b.Setup();
                return () => b.Sentiment();
            });
            Measure(output, "FullAnalysis", corpus, data.ArticleBytes, seconds, () =>
            {
                var b = new FullAnalysisBenchmarks { Corpus = corpus };
                b.Setup();
                return () => b.FullAnalysis().GetAwaiter().GetResult();
            });
            Measure(output, "FullAnalysisNoTargetNetworks", corpus, data.ArticleBytes, seconds, () =>
            {
                var b = new FullAnalysisBenchmarks { Corpus = corpus };
                b.Setup();
                return () => b.FullAnalysisNoTargetNetworks().GetAwaiter().GetResult();
            });
            Measure(output, "LanguageDetection", corpus, data.ArticleBytes, seconds, () =>
            {
                var b = new LanguageBenchmarks { Corpus = corpus };
                b.Setup();
                return () => b.LanguageDetection();
            });
            Measure(output, "KeyPhrases", corpus, data.ArticleBytes, seconds, () =>
            {
                var b = new KeyPhraseBenchmarks { Corpus = corpus };
                b.Setup();
                return () => b.KeyPhrases();
            });
        }

        return 0;
    }

    /// <summary>The fastest of the last three passes is within 3% of the fastest of the three before: tiering is done.</summary>
    private static bool Settled(List<double> passes)
    {
        var last = passes.Skip(passes.Count - 3).Min();
        var previous = passes.Skip(passes.Count - 6).Take(3).Min();
        return last >= previous * 0.97;
    }

    private static void Measure(TextWriter output, string name, string corpus, long bytes, double seconds, Func<Func<object>> setup)
    {
        Func<object> pass;
        try
        {
            pass = setup();

            // Warm up past tiered compilation (counted in CPU time: wall time says little on a loaded machine). Pinned to
            // one core, the background JIT shares the core with the work, and dynamic PGO tiers up in two steps: full
            // analysis ran at 0.9, 2.2, then 4.0 MB/s over its first 18 passes (each new rarely-hit method restarts the
            // runtime's call-counting delay). So warm up for at least 18 passes and as long as we measure, and on until a
            // pass is no longer faster than the passes before it (at most 90 s).
            var warmStart = Process.GetCurrentProcess().TotalProcessorTime;
            var recent = new List<double>();
            while (true)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                pass();
                var now = Process.GetCurrentProcess().TotalProcessorTime;
                recent.Add((now - before).TotalSeconds);
                var warmed = (now - warmStart).TotalSeconds;
                if (warmed > 90 || (recent.Count >= 18 && warmed >= Math.Max(3, seconds) && Settled(recent)))
                {
                    break;
                }
            }
        }
        catch (NotImplementedException)
        {
            output.WriteLine($"{name}\t{corpus}\tNA\t0");
            return;
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        var passes = 0;
        TimeSpan used;
        do
        {
            pass();
            passes++;
            process.Refresh();
            used = process.TotalProcessorTime - start;
        }
        while (used.TotalSeconds < seconds || passes < 3);

        var mbps = bytes * (double)passes / used.TotalSeconds / 1e6;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{corpus}\t{mbps:F2}\t{passes}"));
    }
}

using System.Diagnostics;
using System.Globalization;
using Pipeline.Analysis.Local;
using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Analysis.Local.Language;
using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Benchmarks.Corpus;
using Pipeline.Core.Analysis;

namespace Pipeline.Benchmarks.Infrastructure;

/// <summary>
/// `--rss` mode: loads every model once, analyzes the whole corpus, then reports the peak resident set (VmHWM).
/// Components still missing in this build (NotImplementedException) are reported, not hidden.
/// </summary>
public static class ResidentMemoryProbe
{
    public static async Task<int> RunAsync(BenchCorpus corpus, TextWriter output, int holdSeconds = 0, bool breakdown = false)
    {
        if (breakdown)
        {
            ComponentMemory.Print(output);
        }

        var missing = new List<string>();
        var stopwatch = Stopwatch.StartNew();

        var detector = LanguageDetector.CreateDefault();
        var extractor = KeyPhraseExtractor.CreateDefault();
        foreach (var article in corpus.Articles)
        {
            detector.Detect(article.Text);
            extractor.Extract(article.Text, article.Sentences, KeyPhraseBenchmarksMax);
        }

        try
        {
            var sentiment = SentimentAnalyzer.CreateDefault();
            foreach (var article in corpus.Articles)
            {
                foreach (var s in article.Sentences)
                {
                    sentiment.ScoreSentence(article.Text, s.Start, s.Length);
                }
            }
        }
        catch (NotImplementedException)
        {
            missing.Add("sentiment");
        }

        try
        {
            var analyzer = LocalTextAnalyzer.CreateDefault();
            foreach (var article in corpus.Articles)
            {
                await analyzer.AnalyzeAsync(new AnalysisRequest(article.Text), CancellationToken.None);
            }
        }
        catch (NotImplementedException)
        {
            missing.Add("full-analysis");
        }

        var peakKb = ReadStatusKilobytes("VmHWM");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus={corpus.Name} articles={corpus.Articles.Count} bytes={corpus.ArticleBytes}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"elapsed_ms={stopwatch.ElapsedMilliseconds}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_rss_kb={peakKb}"));
        output.WriteLine("not_implemented=" + string.Join(',', missing));
        var info = GC.GetGCMemoryInfo();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gc_live_mb={GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1} gc_committed_mb={info.TotalCommittedBytes / 1048576.0:F1} rss_now_mb={ReadStatusKilobytes("VmRSS") / 1024}"));
        if (holdSeconds > 0)
        {
            // Time for dotnet-gcdump / dotnet-counters to attach to this process.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding pid={Environment.ProcessId} seconds={holdSeconds}"));
            output.Flush();
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }

        return 0;
    }

    private const int KeyPhraseBenchmarksMax = Benchmarks.KeyPhraseBenchmarks.MaxPhrases;

    /// <summary>A "Name:   123 kB" line of /proc/self/status; -1 where there is no procfs.</summary>
    internal static long ReadStatusKilobytes(string name)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                var digits = new string(line.Where(char.IsAsciiDigit).ToArray());
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}

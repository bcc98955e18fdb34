using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pipeline.Benchmarks.Benchmarks;
using Pipeline.Benchmarks.Corpus;
using Pipeline.Benchmarks.Infrastructure;

// Modes (see bench/run.sh):
//   corpus <out.txt> [--seeds <dir> <out.txt>] [--samples <dir> <out.txt>]  write the corpora the Node peers read
//   rss|--rss [--corpus <file>] [--hold <seconds>] [--breakdown]  peak resident memory after loading models and analyzing
//                                                      the corpus (--breakdown: each table's live MB first; --hold: then wait for dotnet-gcdump)
//   cpu [--quick] [--seeds <dir>] [--seconds N]        MB per CPU-second of the same benchmark methods
//   report ...                                         write BENCHMARKS.md (see run.sh)
//   [--quick] [--seeds <dir>] [--results <file.tsv>] [BenchmarkDotNet args, e.g. --filter *Sentiment*]
var arguments = args.ToList();
string? TakeOption(string name, int values = 1)
{
    var index = arguments.IndexOf(name);
    if (index < 0)
    {
        return null;
    }

    var value = values > 0 && index + 1 < arguments.Count ? arguments[index + 1] : string.Empty;
    arguments.RemoveRange(index, Math.Min(values + 1, arguments.Count - index));
    return value;
}

if (arguments.FirstOrDefault() == "corpus")
{
    var output = arguments.ElementAtOrDefault(1) ?? throw new ArgumentException("usage: corpus <out.txt> [--seeds <dir> <out.txt>] [--samples <dir> <out.txt>]");
    var synthetic = SyntheticCorpus.Generate();
    synthetic.Write(output);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{output}: {synthetic.Articles.Count} articles, {synthetic.SentenceCount} sentences, {synthetic.ArticleBytes} bytes"));
    foreach (var name in new[] { BenchCorpora.Seeds, BenchCorpora.Samples })
    {
        var index = arguments.IndexOf("--" + name);
        if (index > 0 && index + 2 < arguments.Count && SeedCorpus.TryLoad(arguments[index + 1], name) is { } folderCorpus)
        {
            folderCorpus.Write(arguments[index + 2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{arguments[index + 2]}: {folderCorpus.Articles.Count} articles, {folderCorpus.SentenceCount} sentences, {folderCorpus.ArticleBytes} bytes"));
        }
    }

    return 0;
}

if (arguments.FirstOrDefault() is "rss" or "--rss")
{
    var corpusFile = TakeOption("--corpus");
    var hold = TakeOption("--hold") is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : 0;
    var breakdown = TakeOption("--breakdown", values: 0) is not null;
    var corpus = corpusFile is null ? SyntheticCorpus.Generate() : BenchCorpus.Read("file", corpusFile);
    return await ResidentMemoryProbe.RunAsync(corpus, Console.Out, hold, breakdown);
}

if (arguments.FirstOrDefault() == "report")
{
    // report --dotnet <tsv> [--cpu <tsv>] --node <corpus>=<json> ... --rss <file> --command <text> --machine <text> --out <md>
    var nodeResults = new Dictionary<string, string>(StringComparer.Ordinal);
    while (TakeOption("--node") is { } node)
    {
        var eq = node.IndexOf('=', StringComparison.Ordinal);
        nodeResults[node[..eq]] = node[(eq + 1)..];
    }

    ReportWriter.Write(new ReportWriter.Inputs(
        TakeOption("--dotnet") ?? throw new ArgumentException("--dotnet <tsv> is required"),
        TakeOption("--cpu"),
        nodeResults,
        TakeOption("--rss"),
        TakeOption("--command") ?? "bench/run.sh",
        TakeOption("--machine") ?? string.Empty,
        TakeOption("--out") ?? "BENCHMARKS.md"));
    return 0;
}

var quick = TakeOption("--quick", values: 0) is not null;
var resultsFile = TakeOption("--results");
BenchCorpora.UseFolders(TakeOption("--seeds"), TakeOption("--samples"));

if (arguments.FirstOrDefault() == "cpu")
{
    // cpu [--seconds N] [--seeds <dir>]: MB per CPU-second, independent of other load on the machine.
    var seconds = double.Parse(TakeOption("--seconds") ?? (quick ? "1" : "5"), CultureInfo.InvariantCulture);
    return CpuTimeThroughput.Run(seconds, Console.Out);
}

// One core: the target is per-core throughput (run.sh also pins the process with taskset).
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

// In-process: no generated child project to build (it would inherit the repository's strict build rules), and the
// corpus built here is shared with the benchmarks.
var job = (quick
        ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
        // 8 warm-ups: tiered compilation needs several seconds of work on the one pinned core before full analysis settles.
        : Job.Default.WithWarmupCount(8).WithIterationCount(10))
    .WithAffinity(1)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId(quick ? "Quick" : "OneCore");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(new MegabytesPerSecondColumn())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableLogFile);
if (!arguments.Contains("--filter"))
{
    arguments.AddRange(["--filter", "*"]);
}

var summaries = BenchmarkSwitcher
    .FromTypes([typeof(SentimentBenchmarks), typeof(FullAnalysisBenchmarks), typeof(LanguageBenchmarks), typeof(KeyPhraseBenchmarks)])
    .Run([.. arguments], config)
    .ToList();

// One line per benchmark and corpus, for run.sh to turn into BENCHMARKS.md.
var tsv = new StringBuilder("benchmark\tcorpus\tmb_per_s\tmean_ms\tallocated_bytes_per_op\tinput_bytes_per_op\n");
foreach (var summary in summaries)
{
    foreach (var benchmarkCase in summary.BenchmarksCases)
    {
        var report = summary[benchmarkCase];
        var mbps = Throughput.MegabytesPerSecond(summary, benchmarkCase);
        var mean = report?.ResultStatistics?.Mean;
        var allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        tsv.Append(CultureInfo.InvariantCulture,
            $"{benchmarkCase.Descriptor.WorkloadMethod.Name}\t{Throughput.CorpusOf(benchmarkCase)}\t{(mbps is { } m ? m.ToString("F2", CultureInfo.InvariantCulture) : "NA")}\t{(mean is { } ns ? (ns / 1e6).ToString("F2", CultureInfo.InvariantCulture) : "NA")}\t{allocated?.ToString(CultureInfo.InvariantCulture) ?? "NA"}\t{Throughput.BytesPerOperation(benchmarkCase)}\n");
    }
}

Console.Write(tsv);
if (resultsFile is not null)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsFile))!);
    File.WriteAllText(resultsFile, tsv.ToString());
}

return 0;

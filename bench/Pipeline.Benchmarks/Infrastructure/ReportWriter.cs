using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Benchmarks.Infrastructure;

/// <summary>`report` mode: turns the outputs of bench/run.sh into BENCHMARKS.md.</summary>
public static class ReportWriter
{
    private const double SentimentTarget = 20;
    private const double FullAnalysisTarget = 3;
    private const double RssTargetMb = 200;

    public sealed record Inputs(
        string DotnetResults,
        string? CpuResults,
        IReadOnlyDictionary<string, string> NodeResults,
        string? RssFile,
        string Command,
        string Machine,
        string Output);

    public static void Write(Inputs inputs)
    {
        var rows = File.Exists(inputs.DotnetResults)
            ? File.ReadAllLines(inputs.DotnetResults).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length >= 5).ToList()
            : [];
        var peers = inputs.NodeResults.ToDictionary(p => p.Key, p => ReadPeers(p.Value));
        var cpu = inputs.CpuResults is not null && File.Exists(inputs.CpuResults)
            ? File.ReadAllLines(inputs.CpuResults).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length >= 3)
                .ToDictionary(c => (c[0], c[1]), c => Parse(c[2]))
            : [];
        var rss = ReadKeyValues(inputs.RssFile);
        var corpora = rows.Select(r => r[1]).Concat(peers.Keys).Distinct().OrderBy(c => c switch { "synthetic" => 0, "samples" => 1, _ => 2 }).ToList();

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/run.sh`, one core (`taskset -c 0` and BenchmarkDotNet affinity 1).");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(inputs.Command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(inputs.Machine);
        md.AppendLine();
        md.AppendLine("MB/s is 10^6 bytes of UTF-8 text per second. Sentiment rows score every sentence of the corpus one at a time");
        md.AppendLine("(the C# analyzer and the npm peers read exactly the same sentence bytes); the other rows process whole articles.");
        md.AppendLine("Wall-clock MB/s: BenchmarkDotNet means for C#, the median of whole passes (after a warm-up) for npm. CPU-time MB/s:");
        md.AppendLine("the same work divided by the CPU time charged to the process (`Pipeline.Benchmarks cpu`, `process.cpuUsage()`),");
        md.AppendLine("which does not fall when other processes load the machine (run with `DOTNET_TC_CallCountingDelayMs=0` and warmed up");
        md.AppendLine("until passes stop getting faster, so it measures tiered compilation's steady state, as the wall times do).");
        md.AppendLine("Ratios and verdicts use CPU time when measured. The shared machine's speed varies between runs by about ±15%.");
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| requirement | measured | verdict |");
        md.AppendLine("|---|---|---|");
        var sentiment = Find(rows, "Sentiment", "synthetic");
        var full = Find(rows, "FullAnalysis", "synthetic");
        var sentimentCpu = cpu.GetValueOrDefault(("Sentiment", "synthetic"));
        var fullCpu = cpu.GetValueOrDefault(("FullAnalysis", "synthetic"));
        md.AppendLine(CultureInfo.InvariantCulture, $"| sentiment alone >= {SentimentTarget} MB/s | {Show(sentimentCpu)} CPU time, {Show(sentiment)} wall | {Verdict(sentimentCpu ?? sentiment, SentimentTarget)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| full analysis >= {FullAnalysisTarget} MB/s | {Show(fullCpu)} CPU time, {Show(full)} wall | {Verdict(fullCpu ?? full, FullAnalysisTarget)} |");
        var fast = Find(rows, "FullAnalysisNoTargetNetworks", "synthetic");
        var fastCpu = cpu.GetValueOrDefault(("FullAnalysisNoTargetNetworks", "synthetic"));
        md.AppendLine(CultureInfo.InvariantCulture, $"| full analysis >= {FullAnalysisTarget} MB/s with `Analysis:TargetNetworks=false` | {Show(fastCpu)} CPU time, {Show(fast)} wall | {Verdict(fastCpu ?? fast, FullAnalysisTarget)} |");
        var peakKb = rss.TryGetValue("peak_rss_kb", out var kb) && double.TryParse(kb, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : (double?)null;
        var peakMb = peakKb / 1024;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| resident memory < {RssTargetMb} MB (models loaded once, whole corpus analyzed) | {(peakMb is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "not measured")} | {(peakMb is { } p ? (p < RssTargetMb ? "met" : "**not met**") : "—")} |");
        if (rss.TryGetValue("not_implemented", out var missing) && missing.Length > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**Not implemented in the measured build:** {missing}. Their rows read NA and the memory figure excludes them.");
        }

        foreach (var corpus in corpora)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Corpus `{corpus}`");
            md.AppendLine();
            md.AppendLine(corpus switch
            {
                "synthetic" => "Deterministic news-like text generated from templates and word lists (`Pipeline.Benchmarks corpus`), about 1.5 MB.",
                "samples" => "The repository's samples/ articles.",
                _ => "Derived at run time from the real scraped articles in ../shared/seeds (not committed; small, so noisier).",
            });
            peers.TryGetValue(corpus, out var corpusPeers);
            corpusPeers ??= [];
            var afinn = Best(corpusPeers.GetValueOrDefault("sentiment"));
            var vader = Best(corpusPeers.GetValueOrDefault("vader-sentiment"));
            md.AppendLine();
            md.AppendLine("| what | MB/s wall | MB/s CPU time | × npm `sentiment` (AFINN) | × npm `vader-sentiment` | allocated per MB |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var row in rows.Where(r => r[1] == corpus))
            {
                var wall = Parse(row[2]);
                var cpuTime = cpu.GetValueOrDefault((row[0], corpus));
                var perMb = Parse(row[4]) is { } allocated && row.Length > 5 && Parse(row[5]) is { } bytes && bytes > 0
                    ? (allocated / bytes).ToString("F1", CultureInfo.InvariantCulture) + " MB"
                    : "NA";
                var mine = Best((wall, cpuTime));
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| C# {row[0]} | {Show(wall)} | {Show(cpuTime)} | {Ratio(mine, afinn)} | {Ratio(mine, vader)} | {perMb} |");
            }

            foreach (var (name, measured) in corpusPeers.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var mine = Best(measured);
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| npm `{name}` | {Show(measured.Wall)} | {Show(measured.Cpu)} | {Ratio(mine, afinn)} | {Ratio(mine, vader)} | — |");
            }
        }

        md.AppendLine();
        md.AppendLine("Reference points from the issue: AFINN (npm `sentiment`) about 16 MB/s on one core, Python VADER about 2 MB/s.");
        md.AppendLine("The machine is shared: absolute numbers move with its load, the ratios (measured in the same run) much less.");
        File.WriteAllText(inputs.Output, md.ToString());
    }

    private static double? Find(List<string[]> rows, string benchmark, string corpus) =>
        rows.FirstOrDefault(r => r[0] == benchmark && r[1] == corpus) is { } row ? Parse(row[2]) : null;

    private static double? Parse(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Show(double? mbps) => mbps is { } m ? m.ToString("F2", CultureInfo.InvariantCulture) : "NA";

    private static string Verdict(double? measured, double target) =>
        measured is { } m ? (m >= target ? "met" : "**not met**") : "not measured (component not implemented in this build)";

    private static string Ratio(double? mbps, double? peer) =>
        mbps is { } m && peer is { } p && p > 0 ? (m / p).ToString("F2", CultureInfo.InvariantCulture) + "×" : "—";

    // The CPU-time figure when there is one (comparable across load), else wall clock.
    private static double? Best((double? Wall, double? Cpu) measured) => measured.Cpu ?? measured.Wall;

    private static Dictionary<string, (double? Wall, double? Cpu)> ReadPeers(string path)
    {
        var result = new Dictionary<string, (double? Wall, double? Cpu)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var peer in doc.RootElement.GetProperty("results").EnumerateObject())
        {
            double? cpuTime = peer.Value.TryGetProperty("cpuMbPerSecond", out var c) ? c.GetDouble() : null;
            result[peer.Name] = (peer.Value.GetProperty("mbPerSecond").GetDouble(), cpuTime);
        }

        return result;
    }

    private static Dictionary<string, string> ReadKeyValues(string? path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result[line[..eq]] = line[(eq + 1)..];
            }
        }

        return result;
    }
}

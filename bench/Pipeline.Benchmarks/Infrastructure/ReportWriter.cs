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
        var rss = ReadKeyValues(inputs.RssFile);
        var corpora = rows.Select(r => r[1]).Concat(peers.Keys).Distinct().OrderBy(c => c == "synthetic" ? 0 : 1).ToList();

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
        md.AppendLine("C# timings are BenchmarkDotNet means; npm timings are the median of whole passes after a one-second warm-up.");
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| requirement | measured | verdict |");
        md.AppendLine("|---|---|---|");
        var sentiment = Find(rows, "Sentiment", "synthetic");
        var full = Find(rows, "FullAnalysis", "synthetic");
        md.AppendLine(CultureInfo.InvariantCulture, $"| sentiment alone >= {SentimentTarget} MB/s | {Show(sentiment)} | {Verdict(sentiment, SentimentTarget)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| full analysis >= {FullAnalysisTarget} MB/s | {Show(full)} | {Verdict(full, FullAnalysisTarget)} |");
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
            md.AppendLine(corpus == "synthetic"
                ? "Deterministic news-like text generated from templates and word lists (`Pipeline.Benchmarks corpus`), about 1.5 MB."
                : "Derived at run time from the real scraped articles in ../shared/seeds (not committed; small, so noisier).");
            peers.TryGetValue(corpus, out var corpusPeers);
            corpusPeers ??= new Dictionary<string, double>();
            corpusPeers.TryGetValue("sentiment", out var afinn);
            corpusPeers.TryGetValue("vader-sentiment", out var vader);
            md.AppendLine();
            md.AppendLine("| what | MB/s | × npm `sentiment` (AFINN) | × npm `vader-sentiment` | allocated per MB |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var row in rows.Where(r => r[1] == corpus))
            {
                var mbps = Parse(row[2]);
                var perMb = Parse(row[4]) is { } allocated && row.Length > 5 && Parse(row[5]) is { } bytes && bytes > 0
                    ? (allocated / bytes).ToString("F1", CultureInfo.InvariantCulture) + " MB"
                    : "NA";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| C# {row[0]} | {Show(mbps)} | {Ratio(mbps, afinn)} | {Ratio(mbps, vader)} | {perMb} |");
            }

            foreach (var (name, mbps) in corpusPeers.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| npm `{name}` | {Show(mbps)} | {Ratio(mbps, afinn)} | {Ratio(mbps, vader)} | — |");
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

    private static string Ratio(double? mbps, double peer) =>
        mbps is { } m && peer > 0 ? (m / peer).ToString("F2", CultureInfo.InvariantCulture) + "×" : "—";

    private static Dictionary<string, double> ReadPeers(string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var peer in doc.RootElement.GetProperty("results").EnumerateObject())
        {
            result[peer.Name] = peer.Value.GetProperty("mbPerSecond").GetDouble();
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

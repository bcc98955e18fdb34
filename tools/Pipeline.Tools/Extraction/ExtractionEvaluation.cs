using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Tools.Extraction;

/// <summary>
/// eval-extraction [--extractor pipeline|smartreader] [--half 0|1] [--per-page] [--titles] [--predictions OUT] [--only ID] FILE...
/// Scores article-text extraction on the dev set in ../shared/data/eval/extraction (README there): FILE is
/// readability.jsonl-style (expectedText: shingle precision/recall/F1) or snippets.jsonl-style (with/without
/// snippets). Pages are read from pages/ beside FILE and go through <see cref="ArticleParser"/> as an upload of
/// text/html would. --half keeps the pages whose id hashes to that half (for tuning on one half, reporting the other).
/// --titles prints every title that still carries a site or section affix (<see cref="TitleAffixCheck"/>).
/// </summary>
internal static class ExtractionEvaluation
{
    public static int Run(string[] args)
    {
        var options = ExtractionOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: eval-extraction [--extractor pipeline|smartreader] [--half 0|1] [--per-page] [--titles] [--predictions OUT] [--only ID] FILE...");
            return 2;
        }

        using var predictions = options.PredictionsFile is null ? null : new StreamWriter(options.PredictionsFile);
        foreach (var file in options.Files)
        {
            var pages = File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(p => options.Half is null || Half(p.GetProperty("id").GetString()!) == options.Half)
                .Where(p => options.Only is null || p.GetProperty("id").GetString() == options.Only).ToList();
            var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "pages");
            var extractor = Extractors.Create(options.Extractor);
            var shingles = new ShingleScore();
            var snippets = new SnippetScore();
            int failed = 0, titled = 0, titleExact = 0, affixes = 0;
            long bytes = 0;
            var elapsed = TimeSpan.Zero;
            foreach (var page in pages)
            {
                var id = page.GetProperty("id").GetString()!;
                var html = File.ReadAllBytes(Path.Combine(folder, id + ".html"));
                bytes += html.Length;
                var started = Stopwatch.GetTimestamp();
                var result = extractor(id, html);
                elapsed += Stopwatch.GetElapsedTime(started);
                if (result.Failure is not null)
                {
                    failed++;
                    Console.WriteLine($"  {id}: failed: {result.Failure}");
                }

                predictions?.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = id, ["text"] = result.Text, ["title"] = result.Title }));
                var wanted = page.TryGetProperty("title", out var expectedTitle) && expectedTitle.ValueKind == JsonValueKind.String ? expectedTitle.GetString() : null;
                if (wanted is not null)
                {
                    titled++;
                    titleExact += string.Equals(wanted.Trim(), result.Title?.Trim(), StringComparison.Ordinal) ? 1 : 0;
                }

                if (options.Titles && TitleAffixCheck.Remaining(result.Title, result.Source, HostOf(result.Url), wanted) is { } affix)
                {
                    affixes++;
                    Console.WriteLine($"  {id}: title affix: {result.Title} ({affix})");
                }

                if (page.TryGetProperty("expectedText", out var expected))
                {
                    var (p, r) = shingles.Add(expected.GetString() ?? "", result.Text);
                    if (options.PerPage)
                    {
                        Console.WriteLine(Invariant($"  {id}: precision={p:F4} recall={r:F4} title={result.Title}"));
                    }
                }
                else
                {
                    var (missed, kept) = snippets.Add(Strings(page, "with"), Strings(page, "without"), result.Text);
                    if (options.PerPage && missed.Count + kept.Count > 0)
                    {
                        Console.WriteLine($"  {id}: missed [{string.Join(" | ", missed)}] kept [{string.Join(" | ", kept)}]");
                    }
                }
            }

            var speed = bytes / 1e6 / Math.Max(elapsed.TotalSeconds, 1e-9);
            var half = options.Half is null ? "" : $" half={options.Half}";
            if (options.Titles)
            {
                Console.WriteLine($"{Path.GetFileName(file)}: titles with an affix left: {affixes} of {pages.Count}");
            }

            Console.WriteLine(shingles.Pages > 0
                ? Invariant($"{Path.GetFileName(file)} ({options.Extractor}{half}): precision={shingles.Precision:F4} recall={shingles.Recall:F4} f1={shingles.F1:F4} pages={shingles.Pages} failed={failed} title_exact={titleExact}/{titled} ({bytes / 1e6:F1} MB of HTML at {speed:F1} MB/s, one thread)")
                : Invariant($"{Path.GetFileName(file)} ({options.Extractor}{half}): with={snippets.With:F4} without={snippets.Without:F4} f1={snippets.F1:F4} precision={snippets.Precision:F4} accuracy={snippets.Accuracy:F4} pages={snippets.Pages} failed={failed} title_exact={titleExact}/{titled} ({bytes / 1e6:F1} MB of HTML at {speed:F1} MB/s, one thread)"));
        }

        return 0;
    }

    // A stable split of the pages: the first byte of the id's SHA-256, even or odd.
    private static int Half(string id) => System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] % 2;

    private static string? HostOf(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    private static List<string> Strings(JsonElement page, string name) =>
        page.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString() ?? "").ToList() : [];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

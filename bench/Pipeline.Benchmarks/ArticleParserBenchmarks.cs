using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Benchmarks;

/// <summary>
/// Ingestion cost per article: each sample in samples/ (one per format) and a long scraped HTML page.
/// Run: dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter *ArticleParser* --job short
/// </summary>
[MemoryDiagnoser]
public class ArticleParserBenchmarks
{
    private readonly ArticleParser _parser = new();
    private RawArticle _article = null!;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "";

    public static IEnumerable<string> Inputs() =>
        Directory.EnumerateFiles(SamplesFolder()).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != "README.md").Order(StringComparer.Ordinal).Append("long-page.html");

    [GlobalSetup]
    public void Setup()
    {
        var bytes = Input == "long-page.html" ? LongPage() : File.ReadAllBytes(Path.Combine(SamplesFolder(), Input));
        _article = new RawArticle(new BlobReference("bench", Input, "etag", DateTimeOffset.UnixEpoch), bytes, null, new Dictionary<string, string>());
    }

    [Benchmark]
    public ParsedArticle Parse() => _parser.Parse(_article);

    // ~250 KB: a sample page's article repeated, with page furniture between the paragraphs.
    private static byte[] LongPage()
    {
        var page = File.ReadAllText(Path.Combine(SamplesFolder(), "03-hale-water-plan.html"));
        var start = page.IndexOf("<article", StringComparison.Ordinal);
        var open = page.IndexOf('>', start) + 1;
        var end = page.IndexOf("</article>", StringComparison.Ordinal);
        var builder = new StringBuilder(page[..start]).Append("<article>");
        for (var i = 0; i < 60; i++)
        {
            builder.Append(page[open..end]).Append("<div class=\"ad-slot\">Advertisement</div>");
        }

        return Encoding.UTF8.GetBytes(builder.Append(page[end..]).ToString());
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}

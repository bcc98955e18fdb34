using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure.Storage.Blobs;
using Pipeline.Core.Articles;

// usage: Pipeline.LatencyBench --storage CS --api http://127.0.0.1:7071 [--container articles] [--count 60] [--burst 40] [--corpus DIR]
// Latency: uploads articles one at a time (one every 250 ms) and polls GET /api/articles/{id} every 5 ms until it
// answers, giving upload-to-queryable times. Burst: uploads --burst articles at once and times until all are queryable.
var options = Args.Parse(args);
var container = new BlobContainerClient(options.Storage, options.Container);
await container.CreateIfNotExistsAsync();
using var http = new HttpClient { BaseAddress = new Uri(options.Api) };
var corpus = Corpus.Load(options.CorpusDir);
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

var latencies = new List<double>();
for (var i = 0; i < options.Count; i++)
{
    var name = $"bench/{run}/latency-{i:D4}.txt";
    var clock = Stopwatch.StartNew();
    await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(corpus[i % corpus.Count]));
    await WaitForAsync(http, ArticleId.For(options.Container, name));
    latencies.Add(clock.Elapsed.TotalMilliseconds);
    await Task.Delay(250);
}

var burst = Stopwatch.StartNew();
var names = Enumerable.Range(0, options.Burst).Select(i => $"bench/{run}/burst-{i:D4}.txt").ToList();
await Task.WhenAll(names.Select((n, i) => container.GetBlobClient(n).UploadAsync(BinaryData.FromString(corpus[i % corpus.Count]))));
await Task.WhenAll(names.Select(n => WaitForAsync(http, ArticleId.For(options.Container, n))));
burst.Stop();

latencies.Sort();
Console.WriteLine($"latency_ms count={latencies.Count} p50={Percentile(latencies, 0.50):F0} p95={Percentile(latencies, 0.95):F0} max={latencies[^1]:F0}");
Console.WriteLine($"burst articles={options.Burst} seconds={burst.Elapsed.TotalSeconds:F2} articles_per_second={options.Burst / burst.Elapsed.TotalSeconds:F1}");
return 0;

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task WaitForAsync(HttpClient http, string id)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        using var response = await http.GetAsync($"/api/articles/{id}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        if (deadline.Elapsed > TimeSpan.FromSeconds(60))
        {
            throw new TimeoutException($"article {id} not queryable after 60 s");
        }

        await Task.Delay(5);
    }
}

internal sealed record Args(string Storage, string Api, string Container, int Count, int Burst, string? CorpusDir)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Args(
            Get("--storage", "UseDevelopmentStorage=true"),
            Get("--api", "http://127.0.0.1:7071"),
            Get("--container", "articles"),
            int.Parse(Get("--count", "60"), CultureInfo.InvariantCulture),
            int.Parse(Get("--burst", "40"), CultureInfo.InvariantCulture),
            Get("--corpus", "") is { Length: > 0 } dir ? dir : null);
    }
}

/// <summary>Articles to upload: the files of a folder (e.g. samples/), each a different article.</summary>
internal static class Corpus
{
    public static List<string> Load(string? dir)
    {
        var folder = dir ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.txt").Concat(Directory.GetFiles(folder, "*.md")).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"no .txt/.md articles in {Path.GetFullPath(folder)}; pass --corpus DIR");
        }

        return files.Select(File.ReadAllText).ToList();
    }
}

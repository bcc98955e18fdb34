using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;
using Pipeline.Storage.Articles;
using Pipeline.Storage.Blobs;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Receipts;
using Pipeline.Storage.Sqlite;

namespace Pipeline.IngestBench;

/// <summary>Each step prints "key=value" lines that bench.sh collects into BENCHMARKS.md.</summary>
public static class Steps
{
    public static async Task<int> UploadAsync(string storage, string container, int from, int count, CancellationToken ct)
    {
        var articles = new BlobContainerClient(storage, container);
        await articles.CreateIfNotExistsAsync(cancellationToken: ct);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
            await UploadOneAsync(articles, i, token));
        Print($"upload articles={count} seconds={watch.Elapsed.TotalSeconds:F1} per_second={count / watch.Elapsed.TotalSeconds:F0}");
        return 0;
    }

    public static async Task<int> WaitAsync(string api, int count, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api) };
        var samples = new List<(double Seconds, long Done)>();
        var watch = Stopwatch.StartNew();
        long done = 0, failed = 0;
        while (done < count)
        {
            var watcher = JsonNode.Parse(await http.GetStringAsync("/api/health", ct))!["watcher"]!;
            failed = watcher["failed"]!.GetValue<long>();
            done = watcher["processed"]!.GetValue<long>() + failed;
            samples.Add((watch.Elapsed.TotalSeconds, done));
            if (done < count)
            {
                await Task.Delay(250, ct);
            }
        }

        // Sustained: the rate over the last tenth of the run, when the store holds (almost) all of it.
        var tail = samples.First(s => s.Done >= count * 0.9);
        var last = samples[^1];
        var firstWork = samples.FirstOrDefault(s => s.Done > 0);
        Print($"ingest articles={count} seconds={last.Seconds:F1} overall_per_second={count / Math.Max(0.001, last.Seconds - firstWork.Seconds):F1} " +
              $"last_tenth_per_second={(last.Done - tail.Done) / Math.Max(0.001, last.Seconds - tail.Seconds):F1} failed={failed}");
        return failed == 0 ? 0 : 1;
    }

    public static async Task<int> LatencyAsync(string storage, string container, string queueName, string api, int from, int count, double rate, CancellationToken ct)
    {
        var articles = new BlobContainerClient(storage, container);
        var events = new ArticleEvents(new QueueClient(storage, queueName), articles, TimeProvider.System, NullLogger<ArticleEvents>.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(api) };
        var latencies = new ConcurrentBag<double>();
        var started = Stopwatch.StartNew();
        var tasks = new List<Task>();
        for (var j = 0; j < count; j++)
        {
            var due = TimeSpan.FromSeconds(j / rate);
            if (due > started.Elapsed)
            {
                await Task.Delay(due - started.Elapsed, ct);
            }

            var i = from + j;
            tasks.Add(Task.Run(async () =>
            {
                await UploadOneAsync(articles, i, ct);
                var uploaded = Stopwatch.GetTimestamp();
                await events.NotifyCreatedAsync(GeneratedArticles.BlobName(i), ct);
                var id = ArticleId.For(container, GeneratedArticles.BlobName(i));
                while (true)
                {
                    using var response = await http.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative), ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }

                    if (Stopwatch.GetElapsedTime(uploaded) > TimeSpan.FromSeconds(60))
                    {
                        throw new TimeoutException($"Article {i} was not queryable within 60 s.");
                    }

                    await Task.Delay(10, ct);
                }

                latencies.Add(Stopwatch.GetElapsedTime(uploaded).TotalMilliseconds);
            }, ct));
        }

        await Task.WhenAll(tasks);
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Print($"latency_ms count={count} rate={rate:F0}/s p50={P(0.50):F0} p95={P(0.95):F0} p99={P(0.99):F0} max={sorted[^1]:F0}");
        return 0;
    }

    public static async Task<int> CeilingAsync(string storage, string container, string databasePath, string storeKind, int count, int workers, CancellationToken ct)
    {
        var options = Options.Create(new StorageOptions { ConnectionString = storage, ArticlesContainer = container, TablePrefix = "ceiling" + Environment.ProcessId });
        var tables = new StorageTables(new TableServiceClient(storage), new BlobServiceClient(storage), options);
        var source = new ArticleBlobSource(tables, Options.Create(new ProcessingOptions()), TimeProvider.System);
        IStoryIndex stories;
        IArticleRepository store;
        IReceiptStore receipts;
        if (storeKind == "tables")
        {
            var noEvents = new ArticleEvents(null, tables.ArticlesContainer, TimeProvider.System, NullLogger<ArticleEvents>.Instance);
            await new StorageInitializer(tables, noEvents, options).EnsureCreatedAsync(ct);
            var tableStore = new TableArticleStore(tables, TimeProvider.System, NullLogger<TableArticleStore>.Instance);
            (store, stories) = (tableStore, tableStore);
            receipts = new TableReceiptStore(tables);
        }
        else
        {
            var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = databasePath }));
            await database.EnsureCreatedAsync(ct);
            var sqliteStore = new SqliteArticleStore(database);
            (store, stories) = (sqliteStore, sqliteStore);
            receipts = new SqliteReceiptStore(database);
        }

        var sample = await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(System.Text.Encoding.UTF8.GetString(GeneratedArticles.Content(0))), ct);
        var processor = new ArticleProcessor(new ArticleParser(), new ReplayAnalyzer(sample), store,
            new DuplicateStories(stories, store, NullLogger<DuplicateStories>.Instance), Options.Create(new ProcessingOptions()),
            TimeProvider.System, NullLogger<ArticleProcessor>.Instance);

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (i, token) =>
        {
            var raw = await source.DownloadAsync(GeneratedArticles.BlobName(i), token) ?? throw new InvalidOperationException($"Article {i} is not uploaded.");
            await processor.ProcessAsync(raw, token);
            await receipts.RecordAsync(container, raw.Blob.Name, raw.Blob.ETag, token);
        });
        Print($"ceiling store={storeKind} articles={count} seconds={watch.Elapsed.TotalSeconds:F1} per_second={count / watch.Elapsed.TotalSeconds:F0}");
        return 0;
    }

    public static async Task<int> AnalyzerAsync(int count, int workers, CancellationToken ct)
    {
        var parser = new ArticleParser();
        var analyzer = LocalTextAnalyzer.CreateDefault();
        var blob = new BlobReference("articles", "warmup.txt", "0x0", DateTimeOffset.UnixEpoch);
        await analyzer.AnalyzeAsync(new AnalysisRequest(parser.Parse(Raw(blob, 0)).Text), ct);
        long bytes = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (i, token) =>
        {
            var raw = Raw(blob with { Name = GeneratedArticles.BlobName(i) }, i);
            Interlocked.Add(ref bytes, raw.Content.Length);
            await analyzer.AnalyzeAsync(new AnalysisRequest(parser.Parse(raw).Text), token);
        });
        Print($"analyzer articles={count} workers={workers} seconds={watch.Elapsed.TotalSeconds:F1} per_second={count / watch.Elapsed.TotalSeconds:F0} " +
              $"mean_bytes={bytes / count}");
        return 0;
    }

    private static RawArticle Raw(BlobReference blob, int i) =>
        new(blob, GeneratedArticles.Content(i), "text/plain; charset=utf-8", GeneratedArticles.Metadata(i));

    private static async Task UploadOneAsync(BlobContainerClient articles, int i, CancellationToken ct) =>
        await articles.GetBlobClient(GeneratedArticles.BlobName(i)).UploadAsync(
            new BinaryData(GeneratedArticles.Content(i)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" }, Metadata = GeneratedArticles.Metadata(i) },
            ct);

    // InvariantGlobalization is on: every number prints with a '.' decimal point.
    private static void Print(string line) => Console.WriteLine(line);
}

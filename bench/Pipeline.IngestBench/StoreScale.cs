using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Queries;
using Pipeline.Storage.Sqlite;

namespace Pipeline.IngestBench;

/// <summary>
/// The embedded store alone at corpus scale: saves generated articles (analyses replayed from a pool of real ones,
/// so entities and sizes are realistic) and reports the write rate per block of articles and the query times once
/// full. No emulator and no analyzer in the loop: this is what the store itself can do.
/// </summary>
public static class StoreScale
{
    public static async Task<int> RunAsync(string databasePath, int from, int count, int block, CancellationToken ct)
    {
        var parser = new ArticleParser();
        var analyzer = LocalTextAnalyzer.CreateDefault();
        const int Pool = 200;
        var analyses = new TextAnalysis[Pool];
        await Parallel.ForAsync(0, Pool, ct, async (i, token) =>
            analyses[i] = await analyzer.AnalyzeAsync(new AnalysisRequest(parser.Parse(Raw(i)).Text), token));

        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { Path = databasePath }));
        await database.EnsureCreatedAsync(ct);
        var store = new SqliteArticleStore(database);
        var watch = Stopwatch.StartNew();
        var last = from + count;
        for (var start = from; start < last; start += block)
        {
            var end = Math.Min(last, start + block);
            var blockWatch = Stopwatch.StartNew();
            await Parallel.ForAsync(start, end, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (i, token) =>
            {
                var raw = Raw(i);
                var record = ArticleRecord.Analyzed(raw.Blob, parser.Parse(raw), analyses[i % Pool], DateTimeOffset.UtcNow);
                await store.SaveAsync(record, token);
            });
            Console.WriteLine($"store_write stored={end} block_per_second={(end - start) / blockWatch.Elapsed.TotalSeconds:F0}");
        }

        Console.WriteLine($"store_write articles={count} seconds={watch.Elapsed.TotalSeconds:F1} per_second={count / watch.Elapsed.TotalSeconds:F0} " +
                          $"file_mb={new FileInfo(database.FilePath).Length / 1048576.0:F0}");

        count = last; // what is stored now, for the queries below
        var top = (await store.ListEntitiesAsync(new EntityQuery { Top = 1 }, ct))[0];
        var queries = new (string Name, Func<Task> Run)[]
        {
            ("articles_top50", () => store.ListArticlesAsync(new ArticleQuery(), ct)),
            ("articles_page20", () => PageAsync(store, new ArticleQuery(), 20, ct)),
            ("articles_by_source", () => store.ListArticlesAsync(new ArticleQuery { Source = GeneratedArticles.Outlet(3) }, ct)),
            ("articles_by_top_entity", () => store.ListArticlesAsync(new ArticleQuery { EntityId = top.Id }, ct)),
            ("articles_negative_2018", () => store.ListArticlesAsync(new ArticleQuery { Sentiment = Sentiment.Negative, From = Year(2018), To = Year(2019) }, ct)),
            ("entities_all_time", () => store.ListEntitiesAsync(new EntityQuery(), ct)),
            ("entities_person", () => store.ListEntitiesAsync(new EntityQuery { Category = "Person" }, ct)),
            ("entities_one_month", () => store.ListEntitiesAsync(new EntityQuery { From = Year(2018), To = Year(2018).AddMonths(1) }, ct)),
            ("entities_jan_jun_2018", () => store.ListEntitiesAsync(new EntityQuery { From = Year(2018), To = Year(2018).AddMonths(6) }, ct)),
            ("entity_by_name", () => store.FindEntitiesByNameAsync(top.Name, ct)),
            ("article_full_record", () => store.GetArticleAsync(ArticleId.For("articles", GeneratedArticles.BlobName(count / 2)), ct)),
        };
        foreach (var (name, run) in queries)
        {
            await run();
            var times = new List<double>();
            for (var r = 0; r < 20; r++)
            {
                var t = Stopwatch.GetTimestamp();
                await run();
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"store_query stored={count} query={name} median_ms={times[10]:F2} max_ms={times[^1]:F2}");
        }

        return 0;
    }

    private static DateTimeOffset Year(int year) => new(year, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task PageAsync(SqliteArticleStore store, ArticleQuery query, int pages, CancellationToken ct)
    {
        for (var p = 0; p < pages; p++)
        {
            var page = await store.ListArticlesAsync(query, ct);
            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    private static RawArticle Raw(int i) =>
        new(new BlobReference("articles", GeneratedArticles.BlobName(i), "0x" + i, GeneratedArticles.Published(i)),
            GeneratedArticles.Content(i), "text/plain; charset=utf-8", GeneratedArticles.Metadata(i));
}

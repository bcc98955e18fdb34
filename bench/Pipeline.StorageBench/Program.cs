using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Pipeline.Core.Articles;
using Pipeline.StorageBench;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

// usage (bench/storage.sh starts an Azurite and runs both):
//   Pipeline.StorageBench requests --storage CS [--articles 100] [--days 90]
//       storage requests and rows per article for new saves, replacements and deletes (one writer)
//   Pipeline.StorageBench writers --storage CS [--articles 160] [--writers 1,2,4,8,16,32,64]
//       N concurrent writers (each its own clients) saving, re-saving and deleting overlapping articles;
//       ETag conflicts, throughput and exactness of the entity totals against a recount from the stored articles
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
const int MaxAttempts = 5; // Watcher:MaxAttempts's default
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var storage = Option("--storage", "UseDevelopmentStorage=true");
int? shards = Option("--shards", "") is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
switch (args.FirstOrDefault())
{
    case "requests":
        await RequestsAsync(storage, "rq" + run, int.Parse(Option("--articles", "100"), CultureInfo.InvariantCulture), int.Parse(Option("--days", "90"), CultureInfo.InvariantCulture), shards);
        return 0;
    case "writers":
        var writers = Option("--writers", "1,2,4,8,16,32,64").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
        return await WritersAsync(storage, run, int.Parse(Option("--articles", "160"), CultureInfo.InvariantCulture), writers, shards) ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: Pipeline.StorageBench requests|writers --storage CS [--articles N] [--writers 1,2,4]");
        return 2;
}

static async Task RequestsAsync(string storage, string prefix, int articles, int days, int? shards)
{
    var counter = new RequestCounter();
    var bench = new BenchStore(storage, prefix, counter, shards);
    await bench.CreateAsync();
    var corpus = new NewsCorpus(seed: 1, new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero), days);
    var records = Enumerable.Range(0, articles).Select(_ => corpus.Next()).ToList();
    var entities = records.Average(r => r.Analysis!.Entities.Count);
    var bytes = records.Average(r => r.Text!.Length);

    var phases = new List<(string Name, int Count, IReadOnlyDictionary<string, long> Counts, double Seconds)>();
    async Task PhaseAsync(string name, IReadOnlyList<Func<Task>> operations)
    {
        counter.Reset();
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            await operation();
        }

        phases.Add((name, operations.Count, counter.Snapshot(), clock.Elapsed.TotalSeconds));
    }

    await PhaseAsync("save new article", records.Select(r => (Func<Task>)(() => bench.Store.SaveAsync(r, CancellationToken.None))).ToList());
    var rows = await bench.RowsAsync();
    await PhaseAsync("save same version again", records.Take(articles / 5).Select(r => (Func<Task>)(() => bench.Store.SaveAsync(r, CancellationToken.None))).ToList());
    var replaced = records.Take(articles / 5).Select(r => corpus.Version(r.Blob.Name, 2)).ToList();
    await PhaseAsync("save new version", replaced.Select(r => (Func<Task>)(() => bench.Store.SaveAsync(r, CancellationToken.None))).ToList());
    await PhaseAsync("delete", records.Skip(articles / 5).Take(articles / 5).Select(r => (Func<Task>)(() => bench.Store.DeleteAsync(r.Id, CancellationToken.None))).ToList());

    Console.WriteLine($"{articles} generated articles over {days} days, {bytes:F0} chars of text and {entities:F1} entities each on average; one writer.");
    Console.WriteLine();
    var kinds = phases.SelectMany(p => p.Counts.Keys).Where(k => !k.StartsWith("status", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
    Console.WriteLine($"| operation | requests/article | {string.Join(" | ", kinds)} | articles/s |");
    Console.WriteLine($"|---|---:|{string.Concat(kinds.Select(_ => "---:|"))}---:|");
    foreach (var (name, count, counts, seconds) in phases)
    {
        var total = counts.Where(c => !c.Key.StartsWith("status", StringComparison.Ordinal)).Sum(c => c.Value);
        Console.WriteLine($"| {name} | {(double)total / count:F1} | {string.Join(" | ", kinds.Select(k => ((double)counts.GetValueOrDefault(k) / count).ToString("F1", CultureInfo.InvariantCulture)))} | {count / seconds:F1} |");
    }

    Console.WriteLine();
    Console.WriteLine($"Rows after saving the {articles} new articles (bytes by Azure's entity-size formula):");
    Console.WriteLine();
    Console.WriteLine("| table | rows | rows/article | KB/article |");
    Console.WriteLine("|---|---:|---:|---:|");
    foreach (var (table, (count, size)) in rows.Append(new("all tables", (rows.Values.Sum(r => r.Rows), rows.Values.Sum(r => r.Bytes)))))
    {
        Console.WriteLine($"| {table} | {count} | {(double)count / articles:F1} | {size / 1024.0 / articles:F1} |");
    }
}

static async Task<bool> WritersAsync(string storage, string run, int articles, IReadOnlyList<int> writerCounts, int? shards)
{
    Console.WriteLine($"{articles} articles per run; operations: each saved, every 8th saved twice (replay), every 4th replaced by a new version");
    Console.WriteLine("(other entities, time, sentiment), every 8th deleted; shuffled, so versions and deletes of one article race.");
    Console.WriteLine($"Each writer has its own clients (and aggregate cache); a failed operation is retried up to {MaxAttempts} times, as the");
    Console.WriteLine("blob trigger would. \"409/412 answers\": ETag and already-exists conflicts on the wire (article locks included);");
    Console.WriteLine("\"totals retries\": entity-totals transactions re-applied after one.");
    Console.WriteLine();
    Console.WriteLine("| writers | operations | seconds | operations/s | requests | 409/412 answers | totals retries | operations retried / failed | exact vs recount |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    var allExact = true;
    foreach (var n in writerCounts)
    {
        var counter = new RequestCounter();
        var prefix = $"w{n}x{run}";
        var stores = Enumerable.Range(0, n).Select(_ => new BenchStore(storage, prefix, counter, shards)).ToList();
        await stores[0].CreateAsync();
        var corpus = new NewsCorpus(seed: 7, new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.Zero), days: 45);
        var v1 = Enumerable.Range(0, articles).Select(_ => corpus.Next()).ToList();
        var operations = v1.Select(r => (Func<BenchStore, Task>)(s => s.Store.SaveAsync(r, CancellationToken.None)))
            .Concat(v1.Where((_, i) => i % 8 == 0).Select(r => (Func<BenchStore, Task>)(s => s.Store.SaveAsync(r, CancellationToken.None))))
            .Concat(v1.Where((_, i) => i % 4 == 1).Select(r => corpus.Version(r.Blob.Name, 2)).Select(r => (Func<BenchStore, Task>)(s => s.Store.SaveAsync(r, CancellationToken.None))))
            .Concat(v1.Where((_, i) => i % 8 == 3).Select(r => (Func<BenchStore, Task>)(s => s.Store.DeleteAsync(r.Id, CancellationToken.None))))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();
        counter.Reset();
        var queue = new ConcurrentQueue<(Func<BenchStore, Task> Run, int Attempt)>(operations.Select(o => (o, 1)));
        var (retried, failed) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(stores.Select(s => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var operation))
            {
                try
                {
                    await operation.Run(s);
                }
                catch (Exception ex) when (ex is TimeoutException or Azure.RequestFailedException or AggregateException or OperationCanceledException)
                {
                    Console.Error.WriteLine($"writers={n}: attempt {operation.Attempt}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                    if (operation.Attempt < MaxAttempts)
                    {
                        Interlocked.Increment(ref retried);
                        queue.Enqueue((operation.Run, operation.Attempt + 1));
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var (requests, conflicts) = (counter.Requests, counter.Conflicts);
        var differences = await CompareWithRecountAsync(stores[0]);
        allExact &= differences.Count == 0;
        foreach (var d in differences.Take(5))
        {
            Console.Error.WriteLine($"writers={n}: {d}");
        }

        Console.WriteLine($"| {n} | {operations.Count} | {seconds:F1} | {operations.Count / seconds:F1} | {requests} | {conflicts} | {stores.Sum(s => s.Store.EntityStatsConflicts)} | {retried} / {failed} | {(differences.Count == 0 ? "yes" : $"NO: {differences.Count} entities differ")} |");
    }

    return allExact;
}

// All-time, one month, and a window with partial days at both ends.
static Task<List<string>> CompareWithRecountAsync(BenchStore bench) =>
    EntityRecount.DifferencesAsync(bench.Store, [
        (null, null),
        (new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 11, 1, 0, 0, 0, TimeSpan.Zero)),
        (new DateTimeOffset(2020, 10, 3, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 10, 20, 18, 0, 0, TimeSpan.Zero)),
    ]);

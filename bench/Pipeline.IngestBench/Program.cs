using System.CommandLine;
using Pipeline.IngestBench;

// The ingest benchmark's steps; bench.sh runs them against a fresh Azurite and the local server.
var storage = new Option<string>("--storage") { Description = "Storage connection string (Azurite)", Required = true };
var container = new Option<string>("--container") { Description = "Articles container", DefaultValueFactory = _ => "articles" };
var from = new Option<int>("--from") { Description = "First article number", DefaultValueFactory = _ => 0 };
var count = new Option<int>("--count") { Description = "How many articles", Required = true };
var api = new Option<string>("--api") { Description = "The app's base URL", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
var rate = new Option<double>("--rate") { Description = "Uploads per second", DefaultValueFactory = _ => 10 };
var workers = new Option<int>("--workers") { Description = "Parallel workers (the app uses one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
var database = new Option<string>("--database") { Description = "Scratch SQLite file for the ceiling run", Required = true };
var store = new Option<string>("--store") { Description = "Results store: sqlite (the local default) or tables (Table storage on the same Azurite)", DefaultValueFactory = _ => "sqlite" };
store.AcceptOnlyFromAmong("sqlite", "tables");
var queue = new Option<string>("--events-queue") { Description = "Events queue the app reads", DefaultValueFactory = _ => "article-events" };

var upload = new Command("upload", "Upload generated articles without announcing them (bulk load)") { storage, container, from, count };
upload.SetAction((r, ct) => Steps.UploadAsync(r.GetValue(storage)!, r.GetValue(container)!, r.GetValue(from), r.GetValue(count), ct));

var wait = new Command("wait", "Poll /api/health until the watcher has handled --count articles; print the sustained rate") { api, count };
wait.SetAction((r, ct) => Steps.WaitAsync(r.GetValue(api)!, r.GetValue(count), ct));

var latency = new Command("latency", "Upload and announce articles at a steady rate; print upload-to-queryable percentiles")
{
    storage, container, queue, api, from, count, rate,
};
latency.SetAction((r, ct) => Steps.LatencyAsync(r.GetValue(storage)!, r.GetValue(container)!, r.GetValue(queue)!, r.GetValue(api)!, r.GetValue(from), r.GetValue(count), r.GetValue(rate), ct));

var ceiling = new Command("ceiling", "The app's storage requests for --count stored articles with the analyzer replaced by a replay") { storage, container, database, store, count, workers };
ceiling.SetAction((r, ct) => Steps.CeilingAsync(r.GetValue(storage)!, r.GetValue(container)!, r.GetValue(database)!, r.GetValue(store)!, r.GetValue(count), r.GetValue(workers), ct));

var analyzer = new Command("analyzer", "Parse and analyze --count generated articles in memory (no storage)") { count, workers };
analyzer.SetAction((r, ct) => Steps.AnalyzerAsync(r.GetValue(count), r.GetValue(workers), ct));

var block = new Option<int>("--block") { Description = "Report the write rate per this many articles", DefaultValueFactory = _ => 10000 };
var storeScale = new Command("store", "The embedded store alone: save --count generated articles from --from on, then time the queries") { database, from, count, block };
storeScale.SetAction((r, ct) => StoreScale.RunAsync(r.GetValue(database)!, r.GetValue(from), r.GetValue(count), r.GetValue(block), ct));

var root = new RootCommand("Pipeline ingest benchmark steps (see bench.sh)") { upload, wait, latency, ceiling, analyzer, storeScale };
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using System.Globalization;
using Pipeline.Analysis.Local;
using Pipeline.Cli.Storage;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;
using Spectre.Console;

namespace Pipeline.Cli.Reprocess;

/// <summary>
/// <c>pipeline reprocess</c> and <c>pipeline retry-failed</c>: select stored articles and re-trigger their blobs
/// (<see cref="BlobRetrigger"/>), so the running pipeline analyzes them again with its current parser and analyzer.
/// </summary>
internal static class ReprocessCommand
{
    private const int Concurrency = 4;

    public static Command CreateReprocess(StorageConnectionOptions connection, IAnsiConsole console)
    {
        var filters = new ArticleFilterOptions();
        var olderThanAnalyzer = new Option<bool>("--older-than-analyzer")
        {
            Description = "Only processed or unscored articles produced by another analyzer version than --analyzer-version (or by none recorded).",
        };
        var analyzerVersion = new Option<string>("--analyzer-version")
        {
            Description = "The analyzer version now deployed, as the app reports it (e.g. azure-language/2023-04-01).",
            DefaultValueFactory = _ => LocalTextAnalyzer.AnalyzerName,
        };
        var all = new Option<bool>("--all") { Description = "Reprocess every article (required when no filter is given)." };
        var dryRun = DryRun();
        var command = new Command("reprocess", "Re-run stored articles, by prefix, time window, source, status or analyzer version.")
        {
            olderThanAnalyzer, analyzerVersion, all, dryRun,
        };
        foreach (var option in filters.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var older = parse.GetValue(olderThanAnalyzer);
            if (!parse.GetValue(all) && !older && filters.All.All(o => parse.GetResult(o) is null))
            {
                console.MarkupLine("[red]Say which articles: --prefix, --from, --to, --source, --status, --older-than-analyzer, or --all.[/]");
                return ExitCodes.Usage;
            }

            var current = parse.GetValue(analyzerVersion)!;
            Func<ArticleSummary, bool> analyzerFilter = older
                ? a => a.Status != ArticleStatus.Failed && !string.Equals(a.AnalyzerVersion, current, StringComparison.Ordinal)
                : _ => true;
            return await RunAsync(parse, connection, filters, null, analyzerFilter, parse.GetValue(dryRun), console, cancellationToken);
        });
        return command;
    }

    public static Command CreateRetryFailed(StorageConnectionOptions connection, IAnsiConsole console)
    {
        var filters = new ArticleFilterOptions();
        var dryRun = DryRun();
        var command = new Command("retry-failed", "Re-run failed articles (after fixing the input or the pipeline).") { dryRun };
        foreach (var option in filters.All.Where(o => o != filters.Status))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse, connection, filters, ArticleStatus.Failed, _ => true, parse.GetValue(dryRun), console, cancellationToken));
        return command;
    }

    private static Option<bool> DryRun() => new("--dry-run") { Description = "List the articles that would be re-run; change nothing." };

    private static async Task<int> RunAsync(
        ParseResult parse, StorageConnectionOptions connection, ArticleFilterOptions filters, ArticleStatus? status,
        Func<ArticleSummary, bool> extraFilter, bool dryRun, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var storage = StorageSession.Open(connection.Read(parse));
        var matches = filters.Matches(parse);
        var selected = new List<ArticleSummary>();
        await foreach (var article in storage.Queries.AllAsync(filters.Query(parse, status), cancellationToken))
        {
            if (matches(article) && extraFilter(article))
            {
                selected.Add(article);
            }
        }

        if (dryRun)
        {
            var table = new Table().AddColumn("blob").AddColumn("status").AddColumn("analyzer version");
            foreach (var a in selected)
            {
                table.AddRow(Markup.Escape(a.BlobName), a.Status.ToString().ToLowerInvariant(), Markup.Escape(a.AnalyzerVersion ?? "(none)"));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"{selected.Count:N0} article(s) would be re-run (dry run: nothing changed).");
            return ExitCodes.Success;
        }

        var outcomes = new RetriggerOutcome[selected.Count];
        await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask($"Re-triggering {selected.Count:N0} article(s)", maxValue: Math.Max(1, selected.Count));
            await Parallel.ForEachAsync(
                Enumerable.Range(0, selected.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    outcomes[i] = await BlobRetrigger.RetriggerAsync(storage.Articles, storage.Events, selected[i].BlobName, token);
                    task.Increment(1);
                });
        });

        var summary = new Table().AddColumn("outcome").AddColumn(new TableColumn("articles").RightAligned());
        foreach (var outcome in Enum.GetValues<RetriggerOutcome>())
        {
            summary.AddRow(Describe(outcome), outcomes.Count(o => o == outcome).ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(summary);
        console.MarkupLine("The pipeline processes re-triggered articles as it does new uploads; follow them with [bold]pipeline status[/].");
        return ExitCodes.Success;
    }

    private static string Describe(RetriggerOutcome outcome) => outcome switch
    {
        RetriggerOutcome.Retriggered => "re-triggered",
        RetriggerOutcome.Gone => "blob deleted (results go with it)",
        _ => "blob changed meanwhile (the new upload is processed)",
    };
}

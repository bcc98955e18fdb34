using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Storage;
using Spectre.Console;

namespace Pipeline.Cli.Status;

/// <summary><c>pipeline status</c>: how many articles are processed, unscored and failed, and by which analyzer.</summary>
internal static class StatusCommand
{
    public static Command Create(StorageConnectionOptions connection, IAnsiConsole console)
    {
        var command = new Command("status", "Count articles by status and analyzer version, and uploads not processed yet.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var storage = StorageSession.Open(connection.Read(parse));
            var report = await StatusReport.ReadAsync(storage.Queries, storage.Articles, cancellationToken);

            var statuses = new Table().AddColumn("status").AddColumn(new TableColumn("articles").RightAligned());
            foreach (var (status, count) in report.ByStatus)
            {
                statuses.AddRow(status.ToString().ToLowerInvariant(), Count(count));
            }

            statuses.AddRow("[bold]total[/]", "[bold]" + Count(report.Articles) + "[/]");
            statuses.AddRow("pending (uploaded, no article yet)", Count(report.Pending));
            console.Write(statuses);

            var analyzers = new Table().AddColumn("analyzer version").AddColumn(new TableColumn("articles").RightAligned());
            foreach (var (analyzer, count) in report.ByAnalyzer)
            {
                analyzers.AddRow(Markup.Escape(analyzer), Count(count));
            }

            console.Write(analyzers);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

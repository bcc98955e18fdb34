using System.CommandLine;
using System.Text;
using Pipeline.Cli.Storage;
using Spectre.Console;

namespace Pipeline.Cli.Export;

/// <summary><c>pipeline export</c>: articles or entity mentions as CSV or JSON Lines, to a file or standard output.</summary>
internal static class ExportCommand
{
    public static Command Create(StorageConnectionOptions connection, IAnsiConsole console, TextWriter standardOutput)
    {
        var content = new Option<ExportContent>("--what") { Description = "articles (one row each) or mentions (one row per entity mention).", DefaultValueFactory = _ => ExportContent.Articles };
        var format = new Option<ExportFormat>("--format") { Description = "csv or jsonl (JSON Lines).", DefaultValueFactory = _ => ExportFormat.Jsonl };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var filters = new ArticleFilterOptions();
        var command = new Command("export", "Export articles or entity mentions for analysis elsewhere.") { content, format, output };
        foreach (var option in filters.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var storage = StorageSession.Open(connection.Read(parse));
            var file = parse.GetValue(output);
            await using var target = file is null ? null : new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
            var writer = RowWriter.Create(parse.GetValue(format), target ?? standardOutput);
            var what = parse.GetValue(content);
            var matches = filters.Matches(parse);
            var (articles, rows) = (0, 0);
            await foreach (var article in storage.Queries.AllAsync(filters.Query(parse), cancellationToken))
            {
                if (!matches(article))
                {
                    continue;
                }

                articles++;
                if (what == ExportContent.Articles)
                {
                    await writer.WriteAsync(ExportRows.Article(article));
                    rows++;
                }
                else if (await storage.Queries.GetArticleAsync(article.Id, cancellationToken) is { } record)
                {
                    foreach (var row in ExportRows.Mentions(record))
                    {
                        await writer.WriteAsync(row);
                        rows++;
                    }
                }
            }

            if (file is not null)
            {
                // On standard output the data stands alone; with a file the operator gets a count.
                console.MarkupLineInterpolated($"Exported {rows:N0} row(s) from {articles:N0} article(s) to {file.FullName}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using Pipeline.Cli.Storage;
using Spectre.Console;

namespace Pipeline.Cli.Upload;

/// <summary><c>pipeline upload PATH... [--prefix P] [--source ...]</c>: files and folders to the articles container.</summary>
internal static class UploadCommand
{
    public static Command Create(StorageConnectionOptions connection, IAnsiConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders (folders recursively; README.md and hidden files skipped).", Arity = ArgumentArity.OneOrMore };
        var prefix = new Option<string>("--prefix") { Description = "Prepended to each blob name, e.g. 2026/12/.", DefaultValueFactory = _ => "" };
        var metadata = new UploadMetadata();
        var command = new Command("upload", "Upload articles with their content type and charset detected and optional metadata.") { paths, prefix };
        foreach (var option in metadata.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var items = UploadPlan.Expand(parse.GetValue(paths)!, parse.GetValue(prefix)!);
            if (items.Count > 1 && metadata.PerArticle.FirstOrDefault(o => parse.GetValue(o) is not null) is { } single)
            {
                console.MarkupLineInterpolated($"[red]{single.Name} describes one article, but {items.Count} files were given.[/]");
                return ExitCodes.Usage;
            }

            await using var storage = StorageSession.Open(connection.Read(parse));
            var results = await ArticleUploader.UploadAsync(storage.Articles, storage.Events, items, metadata.Read(parse), console, cancellationToken);
            console.Write(Summary(results));
            var failed = results.Count(r => r.Error is not null);
            console.MarkupLineInterpolated($"{results.Count - failed:N0} uploaded to {storage.Articles.Name}, {failed:N0} failed.");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static Table Summary(IReadOnlyList<UploadResult> results)
    {
        var table = new Table().AddColumn("blob").AddColumn(new TableColumn("bytes").RightAligned()).AddColumn("content type").AddColumn("result");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Item.BlobName),
                r.Bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(r.ContentType),
                r.Error is null ? "[green]uploaded[/]" : "[red]" + Markup.Escape(r.Error) + "[/]");
        }

        return table;
    }
}

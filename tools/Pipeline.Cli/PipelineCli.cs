using System.CommandLine;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Pipeline.Cli.Export;
using Pipeline.Cli.Reprocess;
using Pipeline.Cli.Status;
using Pipeline.Cli.Storage;
using Pipeline.Cli.Upload;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>The <c>pipeline</c> command line: System.CommandLine parses, Spectre.Console draws progress and tables.</summary>
internal static class PipelineCli
{
    public static RootCommand Create(IAnsiConsole console, TextWriter standardOutput)
    {
        var connection = new StorageConnectionOptions();
        var root = new RootCommand("pipeline: operate the news-coverage pipeline (Azurite or Azure storage).")
        {
            UploadCommand.Create(connection, console),
            StatusCommand.Create(connection, console),
            ExportCommand.Create(connection, console, standardOutput),
            ReprocessCommand.CreateReprocess(connection, console),
            ReprocessCommand.CreateRetryFailed(connection, console),
        };
        foreach (var option in connection.All)
        {
            root.Options.Add(option);
        }

        return root;
    }

    /// <summary>Runs one command line; expected failures (storage unreachable, bad settings) print one line, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter standardOutput, TextWriter standardError, CancellationToken cancellationToken)
    {
        var parse = Create(console, standardOutput).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await standardError.WriteLineAsync(error.Message);
            }

            await standardError.WriteLineAsync("See --help.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = standardOutput, Error = standardError, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            console.MarkupLineInterpolated($"[red]{message}[/]");
            return ExitCodes.Failed;
        }
    }

    private static string? Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "Cancelled.",
        OptionsValidationException e => e.Message + " (use --connection-string, or --blob-uri with --table-uri)",
        FileNotFoundException e => e.Message,
        AuthenticationFailedException e => "Sign-in failed (DefaultAzureCredential): " + FirstLine(e.Message),
        RequestFailedException { ErrorCode: "TableNotFound" } => "The pipeline's tables do not exist yet: start the app once (it creates them), or check --table-prefix.",
        RequestFailedException e => $"Storage answered {e.Status} {e.ErrorCode}: {FirstLine(e.Message)}",
        AggregateException { InnerExceptions: [var inner] } => Describe(inner),
        HttpRequestException e => "Storage unreachable: " + e.Message,
        FormatException or ArgumentException => "Invalid storage setting: " + ex.Message,
        _ => null,
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

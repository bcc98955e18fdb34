using Pipeline.Cli;
using Spectre.Console;

// pipeline upload|status|export|reprocess|retry-failed; `pipeline --help` lists the options.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await PipelineCli.RunAsync(args, AnsiConsole.Console, Console.Out, Console.Error, cancel.Token);

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using Pipeline.Core.Articles;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Reliability.Tests.RunScript;

/// <summary>
/// ./run.sh as users run it, on its own ports and folders: when the app is killed, Azurite stays up (an upload made
/// meanwhile succeeds), the app comes back and processes it, and the logs keep every run instead of starting over.
/// </summary>
public sealed class RunScriptTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-runsh-").FullName;
    private readonly int _port = FreePort();
    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();

    // Set when run.sh says the app it started is up (its own health check passed).
    private TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string LogDir => Path.Combine(_folder, "logs");

    private string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunSh_AppKilled_AzuriteStaysUpAppRestartsAndLogsKeepEveryRun()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(5) };
        using (var first = StartRunSh())
        {
            await WaitForHealthAsync(http, first);
            // Killed only once run.sh has seen it start: killing it sooner is a failed start, which run.sh reports.
            await _running.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var app = AppProcess();

            app.Kill();
            await app.WaitForExitAsync();
            var articles = new BlobServiceClient(ConnectionString).GetBlobContainerClient("articles");
            await articles.GetBlobClient("while-restarting.txt").UploadAsync(BinaryData.FromString(
                "Harbor Reopens After Repairs\n\nThe Port Avery harbor reopened on Monday after repairs, the city said."));

            await WaitForHealthAsync(http, first);
            Assert.NotEqual(app.Id, AppProcess().Id);
            var id = ArticleId.For("articles", "while-restarting.txt");
            await WaitUntilAsync(async () => (await http.GetAsync($"/api/articles/{id}")).StatusCode == HttpStatusCode.OK, "the upload made while the app was down is processed");
            await StopAsync(first);
        }

        using (var second = StartRunSh())
        {
            await WaitForHealthAsync(http, second);
            await StopAsync(second);
        }

        var log = await File.ReadAllTextAsync(Path.Combine(LogDir, "pipeline.log"));
        Assert.Equal(3, log.Split("run.sh starts pipeline").Length - 1);
        Assert.Equal(2, (await File.ReadAllTextAsync(Path.Combine(LogDir, "azurite.log"))).Split("run.sh starts azurite").Length - 1);
    }

    private Process StartRunSh()
    {
        _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(Path.Combine(RepoRoot.Path, "run.sh"), "--no-samples")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PIPELINE_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_BLOB_PORT"] = _blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_QUEUE_PORT"] = _queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_TABLE_PORT"] = _tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AZURITE_LOCATION"] = Path.Combine(_folder, "azurite"),
                ["PIPELINE_LOG_DIR"] = LogDir,
                ["Storage__Sqlite__Path"] = Path.Combine(_folder, "pipeline.db"),
                ["Watcher__PollInterval"] = "00:00:00.100",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            if (line.StartsWith("Pipeline is running.", StringComparison.Ordinal))
            {
                _running.TrySetResult();
            }

            try
            {
                output.WriteLine("run.sh: " + line);
            }
            catch (InvalidOperationException)
            {
                // The test has finished; the script's last words are not needed.
            }
        }
    }

    // The app run.sh started: the server process listening on this test's port.
    private Process AppProcess()
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(folder, "cmdline"));
                var environment = File.ReadAllText(Path.Combine(folder, "environ"));
                if (command.Contains("Pipeline.Server.dll", StringComparison.Ordinal) && environment.Contains($"Urls=http://127.0.0.1:{_port}\0", StringComparison.Ordinal))
                {
                    return Process.GetProcessById(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        throw new InvalidOperationException($"No Pipeline.Server process listens on port {_port}.");
    }

    // run.sh builds first (incremental when test.sh has built), then starts Azurite and the app.
    private static async Task WaitForHealthAsync(HttpClient http, Process runSh) =>
        await WaitUntilAsync(async () =>
        {
            Assert.False(runSh.HasExited, $"run.sh exited with {(runSh.HasExited ? runSh.ExitCode : 0)}");
            try
            {
                return (await http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, "run.sh's app answers /api/health", seconds: 300);

    private static async Task StopAsync(Process runSh)
    {
        using (var interrupt = Process.Start("kill", ["-INT", runSh.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await runSh.WaitForExitAsync(stopped.Token);
        Assert.Equal(0, runSh.ExitCode);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {seconds} s: {what}.");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

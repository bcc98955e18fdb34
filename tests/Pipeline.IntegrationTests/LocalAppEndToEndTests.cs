using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Pipeline.Core.Articles;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests;

/// <summary>
/// The built app as users run it (a separate process on a real port, local mode, watcher on) against Azurite:
/// upload with the SDK, read over plain HTTP, stop it with SIGTERM.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalAppEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task LocalApp_UploadThenQuery_ServesAnalysisAndStopsCleanly()
    {
        var names = StorageNames.Unique();
        var port = FreePort();
        using var app = StartApp(names, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(http, app);

        var container = new BlobContainerClient(azurite.ConnectionString, names.Articles);
        await container.CreateIfNotExistsAsync();
        var uploaded = Stopwatch.StartNew();
        await container.GetBlobClient("e2e/harbor.txt").UploadAsync(BinaryData.FromString(TestArticles.Harbor()));
        var article = await http.WaitForArticleAsync(names.Articles, "e2e/harbor.txt");
        output.WriteLine($"upload → queryable in {uploaded.ElapsedMilliseconds} ms");

        Assert.Equal("processed", article["status"]!.GetValue<string>());
        Assert.Equal(ArticleId.For(names.Articles, "e2e/harbor.txt"), article["id"]!.GetValue<string>());
        var entities = await http.GetJsonAsync("/api/entities?category=Person");
        Assert.Contains(entities["items"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "Maria Delgado");
        // Started from another folder, the server still reads its appsettings.json: results go to the embedded store.
        Assert.True(File.Exists(names.Database), $"no results database at {names.Database}");

        Process.Start("kill", ["-TERM", app.Id.ToString()])!.WaitForExit();
        Assert.True(app.WaitForExit(15_000), "the app did not stop within 15 s of SIGTERM");
        Assert.Equal(0, app.ExitCode);
    }

    private Process StartApp(StorageNames names, int port)
    {
        var dll = Path.Combine(RepoRoot.Path, "src", "Pipeline.Server", "bin", BuildConfiguration, "net10.0", "Pipeline.Server.dll");
        Assert.True(File.Exists(dll), $"Build the app first: {dll} is missing.");
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        psi.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        psi.Environment["Storage__ArticlesContainer"] = names.Articles;
        psi.Environment["Storage__AnalysisContainer"] = names.Analysis;
        psi.Environment["Storage__TablePrefix"] = names.TablePrefix;
        psi.Environment["Storage__Sqlite__Path"] = names.Database;
        psi.Environment["Watcher__PollInterval"] = "00:00:00.100";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Log(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Log(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; late log lines have nowhere to go.
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(app.HasExited, "the app exited during start-up");
            try
            {
                using var response = await http.GetAsync("/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the app did not report ready within 60 s");
            await Task.Delay(100);
        }
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

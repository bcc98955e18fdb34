using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Articles;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The deployable zip from ./publish.sh: its layout, and the packaged binary started the way the Functions host
/// starts it (FUNCTIONS_CUSTOMHANDLER_PORT, working directory app/), invoked with a blob-trigger payload, then
/// queried. Uses PIPELINE_PACKAGE when set (test.sh publishes first), else runs ./publish.sh (minutes).
/// </summary>
[Trait("Category", "Publish")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(AzuriteCollection.Name)]
public sealed class PublishedPackageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim PublishLock = new(1, 1);
    private static string? _package;

    [Fact]
    public async Task Package_Layout_HostJsonFunctionsAndExecutableBinary()
    {
        using var zip = ZipFile.OpenRead(await PackageAsync());
        var entries = zip.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);

        var hostJson = Assert.Contains("host.json", entries);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "host.json")), await ReadAsync(hostJson));
        foreach (var function in FunctionDefinition.All())
        {
            var entry = Assert.Contains(function.Name + "/function.json", entries);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(FunctionDefinition.Folder, function.Name, "function.json")), await ReadAsync(entry));
        }

        var executable = Assert.Contains(ExecutablePath(await ReadAsync(hostJson)), entries);
        var mode = (executable.ExternalAttributes >> 16) & 0x1FF;
        Assert.True(mode == 0x1ED, $"mode {Convert.ToString(mode, 8)}, expected 755");
        Assert.True(executable.Length > 1_000_000, "the handler binary looks truncated");
    }

    [Fact]
    public async Task PackagedBinary_BlobTriggerInvocationAgainstAzurite_ArticleQueryable()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-package-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(await PackageAsync(), folder);
            var hostJson = await File.ReadAllTextAsync(Path.Combine(folder, "host.json"));
            var executable = Path.Combine(folder, ExecutablePath(hostJson));
            Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), "executable bit lost on extraction");

            var names = (Articles: AzuriteFixture.UniqueName("articles"), Analysis: AzuriteFixture.UniqueName("analysis"), Tables: AzuriteFixture.UniqueName("t"));
            var blob = await UploadAsync(names.Articles, "dir/bridge.txt", "Mayor Ana Ruiz opened the new river bridge on Monday.\n\nResidents welcomed the project, which ran on budget.");
            var properties = (await blob.GetPropertiesAsync()).Value;

            var port = FreePort();
            using var handler = Start(executable, Path.Combine(folder, "app"), port, names);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
                await WaitUntilAnsweringAsync(client, handler);

                var payload = HostPayloadBuilder.Blob()
                    .WithName("dir/bridge.txt")
                    .WithUri(blob.Uri.ToString())
                    .WithProperties(HostPayloadBuilder.LegacyProperties(properties.ContentLength, properties.ETag.ToString("H"), properties.ContentType, properties.LastModified.ToString("O")))
                    .WithContent((await blob.DownloadContentAsync()).Value.Content.ToArray())
                    .Build();
                using var invocation = await client.PostAsync("/ProcessArticle", new StringContent(payload, Encoding.UTF8, "application/json"));
                var logs = await InvocationResponseAssert.HasShapeAsync(invocation, HttpStatusCode.OK);
                output.WriteLine(string.Join(Environment.NewLine, logs));

                var id = ArticleId.For(names.Articles, "dir/bridge.txt");
                using var article = await client.GetAsync($"/api/articles/{id}");
                var body = await article.Content.ReadAsStringAsync();
                Assert.True(article.StatusCode == HttpStatusCode.OK, $"GET /api/articles/{id}: {article.StatusCode} {body}");
                using var json = JsonDocument.Parse(body);
                Assert.Contains(id, body, StringComparison.Ordinal);
            }
            finally
            {
                handler.Kill(entireProcessTree: true);
                await handler.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Storage writes and reads through the packaged (AOT) binary, independent of parser and analyzer.</summary>
    [Fact]
    public async Task PackagedBinary_UnreadableContent_FailedRecordQueryable()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-package-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(await PackageAsync(), folder);
            var executable = Path.Combine(folder, ExecutablePath(await File.ReadAllTextAsync(Path.Combine(folder, "host.json"))));
            var names = (Articles: AzuriteFixture.UniqueName("articles"), Analysis: AzuriteFixture.UniqueName("analysis"), Tables: AzuriteFixture.UniqueName("t"));
            var port = FreePort();
            using var handler = Start(executable, Path.Combine(folder, "app"), port, names);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
                await WaitUntilAnsweringAsync(client, handler);

                var payload = HostPayloadBuilder.Blob()
                    .WithName("dir/garbled.txt")
                    .WithUri($"http://127.0.0.1:10000/devstoreaccount1/{names.Articles}/dir/garbled.txt")
                    .WithRawContent("%%% not base64 %%%")
                    .Build();
                using var invocation = await client.PostAsync("/ProcessArticle", new StringContent(payload, Encoding.UTF8, "application/json"));
                await InvocationResponseAssert.HasShapeAsync(invocation, HttpStatusCode.OK);

                var id = ArticleId.For(names.Articles, "dir/garbled.txt");
                using var article = await client.GetAsync($"/api/articles/{id}");
                var body = await article.Content.ReadAsStringAsync();
                Assert.True(article.StatusCode == HttpStatusCode.OK, $"GET /api/articles/{id}: {article.StatusCode} {body}");
                using var json = JsonDocument.Parse(body);
                Assert.Contains("base64", json.RootElement.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
                var status = json.RootElement.GetProperty("status");
                Assert.True(
                    status.ValueKind == JsonValueKind.String
                        ? string.Equals(status.GetString(), nameof(ArticleStatus.Failed), StringComparison.OrdinalIgnoreCase)
                        : status.GetInt32() == (int)ArticleStatus.Failed,
                    "status: " + status.GetRawText());
            }
            finally
            {
                handler.Kill(entireProcessTree: true);
                await handler.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> PackageAsync()
    {
        await PublishLock.WaitAsync();
        try
        {
            if (_package is not null)
            {
                return _package;
            }

            var given = Environment.GetEnvironmentVariable("PIPELINE_PACKAGE");
            if (!string.IsNullOrEmpty(given))
            {
                var path = Path.GetFullPath(given, RepoRoot.Path);
                Assert.True(File.Exists(path), $"PIPELINE_PACKAGE={given} ({path}) does not exist");
                return _package = path;
            }

            var publish = new ProcessStartInfo(Path.Combine(RepoRoot.Path, "publish.sh")) { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(publish)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            output.WriteLine(await stdout);
            Assert.True(process.ExitCode == 0, "publish.sh failed: " + await stderr + await stdout);
            return _package = Path.Combine(RepoRoot.Path, "artifacts", "pipeline-functions.zip");
        }
        finally
        {
            PublishLock.Release();
        }
    }

    private Process Start(string executable, string workingDirectory, int port, (string Articles, string Analysis, string Tables) names)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(),
                ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString(),
                ["FUNCTIONS_APP_ROOT_PATH"] = Path.GetDirectoryName(workingDirectory)!,
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__ArticlesContainer"] = names.Articles,
                ["Storage__AnalysisContainer"] = names.Analysis,
                ["Storage__TablePrefix"] = names.Tables,
                ["Storage__Provider"] = "AzureTables",
                ["Analysis__Provider"] = "Local",
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
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test already finished; late process output has nowhere to go.
            }
        }
    }

    // Like the host's readiness probe: any HTTP answer to GET / means up; it allows the handler 60 s.
    private async Task WaitUntilAnsweringAsync(HttpClient client, Process handler)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(handler.HasExited, "the handler exited during start-up");
            try
            {
                using var probe = new HttpRequestMessage(HttpMethod.Get, "/");
                using var response = await client.SendAsync(probe);
                output.WriteLine($"handler answered GET / with {(int)response.StatusCode} after {clock.ElapsedMilliseconds} ms");
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(25);
            }
        }
    }

    private async Task<BlobClient> UploadAsync(string container, string name, string text)
    {
        var containerClient = azurite.CreateBlobServiceClient().GetBlobContainerClient(container);
        await containerClient.CreateIfNotExistsAsync();
        var blob = containerClient.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(text)), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
            Metadata = new Dictionary<string, string> { ["source"] = "example.org" },
        });
        return blob;
    }

    private static string ExecutablePath(string hostJson)
    {
        using var document = JsonDocument.Parse(hostJson);
        return document.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

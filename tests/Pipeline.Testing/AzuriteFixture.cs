using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// Real Azurite for tests: started once per test collection on free ports with a throw-away data folder,
/// or reused when PIPELINE_TEST_STORAGE names a running one (test.sh starts one for the whole run).
/// Tests get unique container and table names from <see cref="UniqueName"/>, so they never share state.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;
    private string? _dataFolder;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var existing = Environment.GetEnvironmentVariable("PIPELINE_TEST_STORAGE");
        if (!string.IsNullOrEmpty(existing))
        {
            ConnectionString = existing;
            return;
        }

        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        _dataFolder = Directory.CreateTempSubdirectory("pipeline-azurite-").FullName;
        var azurite = Path.Combine(RepoRoot.Path, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite not found at {azurite}: run 'npm ci' in the repository root (test.sh does).");
        }

        var psi = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
                "--location", _dataFolder,
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        ConnectionString = Build(blobPort, queuePort, tablePort);
        await WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_dataFolder is not null)
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still hold a file for a moment; the temp folder is cleaned by the OS anyway.
            }
        }
    }

    /// <summary>A name valid for both containers and tables (lowercase letters and digits, starts with a letter).</summary>
    public static string UniqueName(string prefix) =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 32, 40)].ToLowerInvariant();

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

    private static string Build(int blob, int queue, int table) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    private async Task WaitUntilReadyAsync()
    {
        var blobs = CreateBlobServiceClient();
        var tables = CreateTableServiceClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await blobs.GetPropertiesAsync();
                await tables.GetPropertiesAsync();
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or IOException)
            {
                if (DateTime.UtcNow > deadline || _process is { HasExited: true })
                {
                    throw new InvalidOperationException("Azurite did not become ready within 30 s.", ex);
                }

                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The collection that shares one Azurite across an assembly's test classes. xunit only discovers collection
/// definitions in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(AzuriteCollection.Name)] class X : ICollectionFixture&lt;AzuriteFixture&gt;;</c>.
/// </summary>
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}

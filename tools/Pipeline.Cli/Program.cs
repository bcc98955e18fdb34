using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

// usage: pipeline-cli upload [--connection-string CS] [--container articles] [--source NAME] PATH...
// The connection string defaults to $PIPELINE_STORAGE (run.sh exports it), then to local Azurite.
if (args is not ["upload", .. var rest] || rest.Length == 0)
{
    Console.Error.WriteLine("usage: pipeline-cli upload [--connection-string CS] [--container NAME] [--source NAME] [--prefix P] PATH...");
    return 2;
}

var connection = Environment.GetEnvironmentVariable("PIPELINE_STORAGE") ?? "UseDevelopmentStorage=true";
var containerName = "articles";
string? source = null;
var prefix = "";
var paths = new List<string>();
for (var i = 0; i < rest.Length; i++)
{
    switch (rest[i])
    {
        case "--connection-string" when i + 1 < rest.Length: connection = rest[++i]; break;
        case "--container" when i + 1 < rest.Length: containerName = rest[++i]; break;
        case "--source" when i + 1 < rest.Length: source = rest[++i]; break;
        case "--prefix" when i + 1 < rest.Length: prefix = rest[++i]; break;
        default: paths.Add(rest[i]); break;
    }
}

var files = paths.SelectMany<string, string>(p => Directory.Exists(p)
        ? Directory.EnumerateFiles(p).Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
        : [p])
    .ToList();
var missing = files.Where(f => !File.Exists(f)).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine("not found: " + string.Join(", ", missing));
    return 1;
}

try
{
    return await UploadAsync(new BlobContainerClient(connection, containerName), files, source, prefix);
}
catch (Exception ex) when (ex is Azure.RequestFailedException or FormatException or ArgumentException or HttpRequestException)
{
    Console.Error.WriteLine($"upload failed: {ex.Message.Split('\n')[0]}");
    return 1;
}

static async Task<int> UploadAsync(BlobContainerClient container, List<string> files, string? source, string prefix)
{
    await container.CreateIfNotExistsAsync();
    foreach (var file in files)
    {
        var name = prefix + Path.GetFileName(file);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(file) } };
        if (source is not null)
        {
            options.Metadata = new Dictionary<string, string> { ["source"] = source };
        }

        await using var stream = File.OpenRead(file);
        await container.GetBlobClient(name).UploadAsync(stream, options);
        Console.WriteLine($"uploaded {name} ({new FileInfo(file).Length:N0} bytes, {options.HttpHeaders.ContentType})");
    }

    return 0;
}

static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
{
    ".html" or ".htm" => "text/html; charset=utf-8",
    ".json" => "application/json",
    ".md" or ".markdown" => "text/markdown; charset=utf-8",
    _ => "text/plain; charset=utf-8",
};

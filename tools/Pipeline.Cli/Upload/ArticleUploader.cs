using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Blobs;
using Spectre.Console;

namespace Pipeline.Cli.Upload;

/// <summary>What happened to one file.</summary>
internal sealed record UploadResult(UploadItem Item, long Bytes, string ContentType, string? Error);

/// <summary>Uploads files as article blobs with their detected content type and the given metadata, showing progress.</summary>
internal static class ArticleUploader
{
    private const int Concurrency = 4;

    public static async Task<IReadOnlyList<UploadResult>> UploadAsync(
        BlobContainerClient container, ArticleEvents events, IReadOnlyList<UploadItem> items, IReadOnlyDictionary<string, string> metadata,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var results = new UploadResult[items.Count];
        await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask($"Uploading {items.Count:N0} file(s)", maxValue: Math.Max(1, items.Count));
            await Parallel.ForEachAsync(
                Enumerable.Range(0, items.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    results[i] = await UploadOneAsync(container, events, items[i], metadata, token);
                    task.Increment(1);
                });
        });
        return results;
    }

    private static async Task<UploadResult> UploadOneAsync(
        BlobContainerClient container, ArticleEvents events, UploadItem item, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(item.Path, cancellationToken);
        var contentType = ContentTypeDetector.Detect(item.Path, content);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata.Count == 0 ? null : new Dictionary<string, string>(metadata),
        };
        try
        {
            await container.GetBlobClient(item.BlobName).UploadAsync(new BinaryData(content), options, cancellationToken);
            // The local watcher processes it at once instead of at its next listing (Event Grid does this on Azure).
            await events.NotifyCreatedAsync(item.BlobName, cancellationToken);
            return new UploadResult(item, content.Length, contentType, null);
        }
        catch (RequestFailedException ex)
        {
            return new UploadResult(item, content.Length, contentType, ex.ErrorCode ?? ex.Message.Split('\n')[0]);
        }
    }
}

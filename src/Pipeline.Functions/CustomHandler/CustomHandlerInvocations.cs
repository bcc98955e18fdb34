using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// Handles the Functions host's POST /{FunctionName} invocations. Status codes are the retry protocol:
/// 200 = done (including a recorded permanent failure), non-2xx = failed invocation, which the host retries and,
/// for the blob trigger, moves to webjobs-blobtrigger-poison after extensions.blobs.poisonBlobThreshold tries.
/// </summary>
public sealed class CustomHandlerInvocations(
    ArticleProcessor processor,
    BlobTriggerPayloadReader reader,
    ILogger<CustomHandlerInvocations> logger)
{
    private const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    internal const string PoisonedReason =
        "Processing failed on every attempt the Functions host made (extensions.blobs.poisonBlobThreshold); the blob was moved to the poison queue. See the function logs for the errors; upload the blob again to retry.";

    public async Task ProcessArticleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string function = FunctionNames.ProcessArticle;
        await InvokeAsync(context, function, async (payload, ct) =>
        {
            var invocation = reader.Read(payload, FunctionNames.ProcessArticleBinding, FunctionNames.ArticlesContainer);
            var logs = new List<string>(invocation.Notes);
            if (invocation.Blob is null)
            {
                return (HttpStatusCode.BadRequest, [.. logs, invocation.Problem!]);
            }

            var where = invocation.Blob.Container + "/" + invocation.Blob.Name;
            var outcome = invocation.Article is { } article
                ? await processor.ProcessAsync(article, ct)
                : await processor.RecordFailureAsync(invocation.Blob, invocation.Problem!, ct);
            logs.Add(outcome.Result switch
            {
                ProcessingResult.Stored => $"{where}: stored as article {outcome.ArticleId} ({outcome.Status}).",
                ProcessingResult.Failed => $"{where}: recorded as failed article {outcome.ArticleId}: {outcome.FailureReason}",
                _ => $"{where}: version {invocation.Blob.ETag} (or newer) of article {outcome.ArticleId} already stored; skipped.",
            });
            return (HttpStatusCode.OK, logs);
        });
    }

    public async Task DeleteArticleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string function = FunctionNames.DeleteArticle;
        await InvokeAsync(context, function, async (payload, ct) =>
        {
            var gridEvent = BlobEvent.Read(payload, FunctionNames.DeleteArticleBinding);
            if (gridEvent is null)
            {
                return (HttpStatusCode.BadRequest, [$"The invocation payload carries no event (Data.{FunctionNames.DeleteArticleBinding})."]);
            }

            if (!string.Equals(gridEvent.EventType, BlobEvent.BlobDeleted, StringComparison.OrdinalIgnoreCase))
            {
                return (HttpStatusCode.OK, [$"Ignored a '{gridEvent.EventType}' event: only {BlobEvent.BlobDeleted} is handled here."]);
            }

            if (gridEvent.Blob is null)
            {
                return (HttpStatusCode.BadRequest, ["The BlobDeleted event names no blob (neither data.url nor subject)."]);
            }

            await processor.DeleteAsync(gridEvent.Blob.Container, gridEvent.Blob.Name, ct);
            return (HttpStatusCode.OK, [$"{gridEvent.Blob.Container}/{gridEvent.Blob.Name}: deleted; its article results were removed."]);
        });
    }

    public async Task RecordPoisonedArticleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await InvokeAsync(context, FunctionNames.RecordPoisonedArticle, async (payload, ct) =>
        {
            var message = PoisonMessage.Read(payload, FunctionNames.RecordPoisonedArticleBinding);
            if (message is null)
            {
                return (HttpStatusCode.BadRequest, [$"The poison-queue message names no blob (Data.{FunctionNames.RecordPoisonedArticleBinding}.ContainerName/BlobName)."]);
            }

            // The message carries no last-modified time: MinValue records the failure only where no result exists
            // yet, so a poisoned old version never hides a newer version that was processed.
            var blob = new BlobReference(message.Container, message.BlobName, message.ETag, DateTimeOffset.MinValue);
            var outcome = await processor.RecordFailureAsync(blob, PoisonedReason, ct);
            return (HttpStatusCode.OK, [$"{message.Container}/{message.BlobName}: poisoned; {outcome.Result} as article {outcome.ArticleId}."]);
        });
    }

    private async Task InvokeAsync(
        HttpContext context,
        string function,
        Func<JsonElement, CancellationToken, Task<(HttpStatusCode Status, List<string> Logs)>> handle)
    {
        var ct = context.RequestAborted;
        var invocationId = context.Request.Headers[InvocationIdHeader].ToString();
        if (!IsLocalCaller(context))
        {
            // Only the Functions host (same machine) invokes functions; never the public query API port.
            await WriteAsync(context, HttpStatusCode.Forbidden, ["Function invocations are accepted from the local host only."]);
            return;
        }

        (HttpStatusCode Status, List<string> Logs) result;
        try
        {
            using var payload = await JsonDocument.ParseAsync(context.Request.Body, default, ct);
            result = await handle(payload.RootElement, ct);
        }
        catch (JsonException ex)
        {
            result = (HttpStatusCode.BadRequest, ["The invocation payload is not JSON: " + ex.Message]);
        }
        catch (BadHttpRequestException ex)
        {
            // Most often 413: the inlined blob exceeds the body limit (see RequestBodyLimit); the host retries, then poisons.
            result = ((HttpStatusCode)ex.StatusCode, ["The invocation request could not be read: " + ex.Message]);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Transient (storage, analyzer, network): report failure so the host retries; the processor already
            // turned every permanent input problem into a failed record.
            CustomHandlerLog.Failed(logger, ex, function, invocationId);
            await WriteAsync(context, HttpStatusCode.InternalServerError, [$"{function} failed, the host will retry: {ex.GetType().Name}: {ex.Message}"]);
            return;
        }

        var summary = string.Join(" ", result.Logs);
        if (result.Status == HttpStatusCode.OK)
        {
            CustomHandlerLog.Invocation(logger, function, invocationId, summary);
        }
        else
        {
            CustomHandlerLog.Rejected(logger, function, invocationId, summary);
        }

        await WriteAsync(context, result.Status, result.Logs);
    }

    private static bool IsLocalCaller(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);

    private static Task WriteAsync(HttpContext context, HttpStatusCode status, IReadOnlyList<string> logs)
    {
        context.Response.StatusCode = (int)status;
        return context.Response.WriteAsJsonAsync(
            new InvocationResponse(new Dictionary<string, string>(), logs, null),
            CustomHandlerJsonContext.Default.InvocationResponse,
            contentType: "application/json; charset=utf-8",
            cancellationToken: context.RequestAborted);
    }
}

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.StorageBench;

/// <summary>
/// Counts every storage request actually sent (each retry too), by service and kind, and the 409/412 answers.
/// Attach <see cref="For"/> to a client's options per retry: it sees the real wire traffic, not a mock's.
/// </summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Requests => _counts.Where(c => !c.Key.StartsWith("status", StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>ETag (412) and already-exists (409) answers, including those inside failed batches.</summary>
    public long Conflicts => Get("status 409") + Get("status 412");

    public long Get(string key) => _counts.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    public HttpPipelinePolicy For(string service) => new Policy(this, service);

    private void Add(string key) => _counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private sealed class Policy(RequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Count(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            Count(message);
        }

        private void Count(HttpMessage message)
        {
            var batch = message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);
            counter.Add($"{service} {(batch ? "batch" : message.Request.Method.Method)}");
            if (!message.HasResponse)
            {
                return;
            }

            if (message.Response.Status is 409 or 412)
            {
                counter.Add($"status {message.Response.Status}");
            }
            else if (batch && FailedStatus(message.Response) is { } status)
            {
                // A failed entity-group transaction answers 202 with the failing operation's status inside the body.
                counter.Add($"status {status}");
            }
        }

        private static string? FailedStatus(Azure.Response response)
        {
            if (response.ContentStream is not { CanSeek: true } stream)
            {
                return null;
            }

            var position = stream.Position;
            using var reader = new StreamReader(stream, leaveOpen: true);
            var body = reader.ReadToEnd();
            stream.Position = position;
            return body.Contains("HTTP/1.1 412", StringComparison.Ordinal) ? "412"
                : body.Contains("HTTP/1.1 409", StringComparison.Ordinal) ? "409"
                : null;
        }
    }
}

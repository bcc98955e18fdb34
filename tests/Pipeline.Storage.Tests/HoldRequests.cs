using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Tests;

/// <summary>A worker whose requests matching <paramref name="match"/> wait until <see cref="Open"/>: a save caught mid-write, alive.</summary>
internal sealed class HoldRequests(Func<HttpMessage, bool> match) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first matching request is held.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (match(message))
        {
            _reached.TrySetResult();
            _open.Task.GetAwaiter().GetResult();
        }

        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (match(message))
        {
            _reached.TrySetResult();
            await _open.Task;
        }

        await ProcessNextAsync(message, pipeline);
    }
}

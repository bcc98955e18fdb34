using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Tests;

/// <summary>A worker that dies after <paramref name="requests"/> storage requests: every later request fails, none is retried.</summary>
internal sealed class CrashAfter(int requests) : HttpPipelinePolicy
{
    private int _sent;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit();
        return ProcessNextAsync(message, pipeline);
    }

    private void Admit()
    {
        if (Interlocked.Increment(ref _sent) > requests)
        {
            throw new CrashedException();
        }
    }
}

/// <summary>Not an I/O error, so the SDK does not retry it.</summary>
internal sealed class CrashedException() : InvalidOperationException("Simulated crash of the worker.");

/// <summary>The system clock moved forward: a worker that comes after another's lock has expired.</summary>
internal sealed class ShiftedClock(TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
}

using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Storage.Tests;

/// <summary>A live worker whose requests matching <paramref name="match"/> fail (not retried); its other requests go through.</summary>
internal sealed class FailRequests(Func<HttpMessage, bool> match) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Admit(HttpMessage message)
    {
        if (match(message))
        {
            throw new CrashedException();
        }
    }
}

using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>Builds analyzers and clients wired to a running <see cref="AzureLanguageStub"/>.</summary>
internal static class AzureLanguageHarness
{
    /// <summary>Options for the stub over http with its key; fast retries unless a test says otherwise.</summary>
    public static AzureLanguageOptions Options(AzureLanguageStub stub, Action<AzureLanguageOptions>? configure = null)
    {
        var options = new AzureLanguageOptions
        {
            Endpoint = stub.HttpEndpoint,
            ApiKey = stub.ApiKey,
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    public static AzureLanguageTextAnalyzer Analyzer(
        AzureLanguageStub stub,
        Action<AzureLanguageOptions>? configure = null,
        TimeProvider? timeProvider = null,
        TokenCredential? credential = null,
        HttpPipelineTransport? transport = null) =>
        new(Options(stub, configure), credential, timeProvider ?? TimeProvider.System, NullLogger<AzureLanguageTextAnalyzer>.Instance, transport);

    internal static LanguageApiClient Client(AzureLanguageStub stub, Action<AzureLanguageOptions>? configure = null) =>
        new(Options(stub, configure), null, TimeProvider.System, NullLogger.Instance);

    public static HttpClientTransport TrustingTransport(AzureLanguageStub stub) => new(stub.CreateTrustingHandler());

    public static IReadOnlyList<StubRequest> OfKind(this IEnumerable<StubRequest> requests, string kind) =>
        requests.Where(r => r.Kind == kind).ToList();
}

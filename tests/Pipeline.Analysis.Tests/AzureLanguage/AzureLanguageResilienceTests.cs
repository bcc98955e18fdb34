using Azure;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;
using Polly.Timeout;

namespace Pipeline.Analysis.Tests.AzureLanguage;

public sealed class AzureLanguageResilienceTests : IAsyncLifetime
{
    private const string Article = "Bernie Sanders praised the strong turnout in Iowa.";
    private static readonly AnalysisRequest Request = new(Article);
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task AnalyzeAsync_429WithRetryAfter_WaitsTheRequestedTimeBeforeRetrying()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var stub = await AzureLanguageStub.StartAsync(new AzureLanguageStubOptions { TimeProvider = clock });
        stub.InjectFault(StubFault.TooManyRequests(TimeSpan.FromSeconds(7)), kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(stub, o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(100); // the backoff alone would retry far sooner than 7 s
            o.MaxRetryDelay = TimeSpan.FromSeconds(30);
            o.RequestTimeout = TimeSpan.FromMinutes(5);
        }, clock);

        var result = await RunWithClockAsync(analyzer.AnalyzeAsync(Request, CancellationToken.None), clock);

        Assert.True(result.IsScored);
        var detections = stub.Requests.OfKind("LanguageDetection");
        Assert.Equal(2, detections.Count);
        Assert.InRange(detections[1].ReceivedAt - detections[0].ReceivedAt, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(9.5));
    }

    [Fact]
    public async Task AnalyzeAsync_RetryAfterBeyondTheCap_WaitsOnlyTheCap()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var stub = await AzureLanguageStub.StartAsync(new AzureLanguageStubOptions { TimeProvider = clock });
        stub.InjectFault(StubFault.TooManyRequests(TimeSpan.FromSeconds(600)), kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(stub, o =>
        {
            o.MaxRetryDelay = TimeSpan.FromSeconds(3);
            o.RequestTimeout = TimeSpan.FromMinutes(5);
        }, clock);

        await RunWithClockAsync(analyzer.AnalyzeAsync(Request, CancellationToken.None), clock);

        var detections = stub.Requests.OfKind("LanguageDetection");
        Assert.InRange(detections[1].ReceivedAt - detections[0].ReceivedAt, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5.5));
    }

    [Fact]
    public void IsTransient_TransientAndPermanentErrors_AreToldApart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

        Assert.Null(LanguageApiResilience.RetryAfter(new TimeoutRejectedException(), clock, TimeSpan.FromMinutes(1)));
        Assert.False(LanguageApiResilience.IsTransient(new AnalysisRejectedException("x")));
        Assert.True(LanguageApiResilience.IsTransient(new AzureLanguageProtocolException("x")));
        Assert.True(LanguageApiResilience.IsTransient(new RequestFailedException(0, "connection refused")));
        Assert.True(LanguageApiResilience.IsTransient(new RequestFailedException(503, "busy")));
        Assert.False(LanguageApiResilience.IsTransient(new RequestFailedException(403, "quota")));
    }

    [Fact]
    public async Task AnalyzeAsync_429WithHttpDateRetryAfter_WaitsUntilThatDate()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var stub = await AzureLanguageStub.StartAsync(new AzureLanguageStubOptions { TimeProvider = clock });
        stub.InjectFault(StubFault.TooManyRequests("Thu, 01 Jan 2026 00:00:05 GMT"), kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(stub, o => (o.MaxRetryDelay, o.RequestTimeout) = (TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)), clock);

        await RunWithClockAsync(analyzer.AnalyzeAsync(Request, CancellationToken.None), clock);

        var detections = stub.Requests.OfKind("LanguageDetection");
        Assert.InRange(detections[1].ReceivedAt, DateTimeOffset.Parse("2026-01-01T00:00:05Z"), DateTimeOffset.Parse("2026-01-01T00:00:07.5Z"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task AnalyzeAsync_TransientStatusTwice_RetriedThenSucceeds(int status)
    {
        _stub.InjectFault(StubFault.ServerError(status), times: 2, kind: "SentimentAnalysis");
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(Request, CancellationToken.None);

        Assert.NotNull(result.Sentiment);
        Assert.Equal(3, _stub.Requests.OfKind("SentimentAnalysis").Count);
    }

    [Fact]
    public async Task AnalyzeAsync_RetriesExhausted_TransientExceptionPropagates()
    {
        _stub.InjectFault(StubFault.ServerError(500), times: 100, kind: "EntityRecognition");
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal(4, _stub.Requests.OfKind("EntityRecognition").Count); // 1 + MaxRetries
    }

    [Fact]
    public async Task AnalyzeAsync_MaxRetriesZero_FailsOnFirstTransientError()
    {
        _stub.InjectFault(StubFault.ServerError(503), kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Single(_stub.Requests);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task AnalyzeAsync_PermanentHttpError_IsNotRetried(int status)
    {
        _stub.InjectFault(StubFault.RequestError(status, status.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "Denied."), times: 10);
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task AnalyzeAsync_WrongKey_401NotRetried()
    {
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.ApiKey = "wrong");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task AnalyzeAsync_WholeRequest400ForABatchBug_PropagatesUnretriedAsRequestFailed()
    {
        _stub.InjectFault(StubFault.RequestError(400, "InvalidRequest", "InvalidDocumentBatch", "Batch request contains too many records. Max 5 records are permitted."));
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task AnalyzeAsync_WholeRequest400ForTheDocument_IsAnalysisRejectedWithTheServiceMessage()
    {
        _stub.InjectFault(StubFault.RequestError(400, "InvalidArgument", "InvalidDocument", "Document text is invalid UTF-16."));
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var error = await Assert.ThrowsAsync<AnalysisRejectedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Contains("InvalidArgument/InvalidDocument", error.Message, StringComparison.Ordinal);
        Assert.Contains("Document text is invalid UTF-16.", error.Message, StringComparison.Ordinal);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task AnalyzeAsync_PerDocumentError_IsAnalysisRejectedWithTheServiceMessageAndNotRetried()
    {
        _stub.InjectFault(StubFault.DocumentError("InvalidDocument", "A document within the request was too large to be processed."), kind: "EntityRecognition");
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var error = await Assert.ThrowsAsync<AnalysisRejectedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal("Azure AI Language rejected the text (InvalidArgument/InvalidDocument): A document within the request was too large to be processed.", error.Message);
        Assert.Single(_stub.Requests.OfKind("EntityRecognition"));
    }

    [Fact]
    public async Task AnalyzeAsync_UnsupportedLanguageCodeFromService_IsNotScored()
    {
        _stub.InjectFault(StubFault.DocumentError("UnsupportedLanguageCode", "Invalid language code."), kind: "SentimentAnalysis");
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(Request, CancellationToken.None);

        Assert.False(result.IsScored);
        Assert.Null(result.Sentiment);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public async Task AnalyzeAsync_MalformedJsonOnce_IsRetriedThenSucceeds()
    {
        _stub.InjectFault(StubFault.MalformedJson(), kind: "KeyPhraseExtraction");
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(Request, CancellationToken.None);

        Assert.NotEmpty(result.KeyPhrases);
        Assert.Equal(2, _stub.Requests.OfKind("KeyPhraseExtraction").Count);
    }

    [Fact]
    public async Task AnalyzeAsync_MalformedJsonAlways_ProtocolExceptionPropagatesAfterRetries()
    {
        _stub.InjectFault(StubFault.MalformedJson(), times: 100, kind: "KeyPhraseExtraction");
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<AzureLanguageProtocolException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
        Assert.Equal(3, _stub.Requests.OfKind("KeyPhraseExtraction").Count);
    }

    [Fact]
    public async Task AnalyzeAsync_SlowResponseOnce_TimesOutAndRetries()
    {
        _stub.InjectFault(StubFault.Slow(TimeSpan.FromSeconds(20)), kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        var result = await analyzer.AnalyzeAsync(Request, CancellationToken.None);

        Assert.True(result.IsScored);
        Assert.Equal(2, _stub.Requests.OfKind("LanguageDetection").Count);
    }

    [Fact]
    public async Task AnalyzeAsync_AlwaysSlow_TimeoutPropagatesAfterRetries()
    {
        _stub.InjectFault(StubFault.Slow(TimeSpan.FromSeconds(20)), times: 10, kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => (o.RequestTimeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(200), 1));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(2, _stub.Requests.OfKind("LanguageDetection").Count);
    }

    [Fact]
    public async Task AnalyzeAsync_NothingListening_ConnectionFailurePropagatesAsTransient()
    {
        var stub = await AzureLanguageStub.StartAsync();
        var analyzer = AzureLanguageHarness.Analyzer(stub, o => o.MaxRetries = 2);
        await stub.DisposeAsync(); // the port is closed now

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeAsync(Request, CancellationToken.None));

        Assert.Equal(0, error.Status);
        Assert.True(LanguageApiResilience.IsTransient(error));
    }

    [Fact]
    public async Task AnalyzeAsync_CallerCancels_OperationCanceledWithoutRetries()
    {
        _stub.InjectFault(StubFault.Slow(TimeSpan.FromSeconds(20)), times: 10, kind: "LanguageDetection");
        var analyzer = AzureLanguageHarness.Analyzer(_stub);
        using var cts = new CancellationTokenSource();
        var call = analyzer.AnalyzeAsync(Request, cts.Token);

        // Cancel once the (slow) request is in flight: a fixed timeout raced the first request on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_stub.Requests.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Single(_stub.Requests);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // No retry after the caller cancelled.
        await Task.Delay(200);
        Assert.Single(_stub.Requests);
    }

    /// <summary>Advances the fake clock in small steps while the call runs (each step lets real HTTP I/O proceed).</summary>
    private static async Task<T> RunWithClockAsync<T>(Task<T> task, FakeTimeProvider clock)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        return await task;
    }
}

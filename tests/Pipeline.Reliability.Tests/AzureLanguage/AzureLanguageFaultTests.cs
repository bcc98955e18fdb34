using System.Globalization;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;
using Pipeline.Reliability.Tests.Support;
using Pipeline.Testing;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Reliability.Tests.AzureLanguage;

/// <summary>
/// The whole local app (watcher, ArticleProcessor, SQLite results) analysing with the Azure AI Language client
/// against the stub service (a real Kestrel server on a free port) while the service misbehaves. Every upload ends
/// as exactly one record: processed when the fault is transient, failed with a reason naming the fault when it
/// persists past the client's retries and the watcher's attempts; nothing waits forever.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureLanguageFaultTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Uploads = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Upload_ServiceThrottlesWithRetryAfter_AllProcessedAndTheRetryWaitsAtLeastTheHeader()
    {
        var retryAfter = TimeSpan.FromSeconds(2);
        _stub.InjectFault(StubFault.TooManyRequests(retryAfter), kind: "SentimentAnalysis");

        var stored = await RunAsync(new());

        Assert.All(stored, a => Assert.Equal(ArticleStatus.Processed, a.Status));
        var sentiment = _stub.Requests.Where(r => r.Kind == "SentimentAnalysis").OrderBy(r => r.ReceivedAt).ToList();
        var throttled = sentiment[0];
        var retry = sentiment.Skip(1).First(r => r.Documents.Select(d => d.Text).SequenceEqual(throttled.Documents.Select(d => d.Text)));
        Assert.True(retry.ReceivedAt - throttled.ReceivedAt >= retryAfter, $"retried after {(retry.ReceivedAt - throttled.ReceivedAt).TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Upload_ServerErrorsThatPass_AllProcessedNothingFailed()
    {
        _stub.InjectFault(StubFault.ServerError(503), times: 3, kind: "EntityRecognition");

        var stored = await RunAsync(new() { ["Analysis:AzureLanguage:MaxRetries"] = "1" });

        Assert.All(stored, a => Assert.Equal(ArticleStatus.Processed, a.Status));
        Assert.True(_stub.Requests.Count(r => r.Kind == "EntityRecognition") >= Uploads + 3);
    }

    [Fact]
    public async Task Upload_ServerErrorsPersist_EachRecordedFailedWithTheStatus()
    {
        _stub.InjectFault(StubFault.ServerError(500), times: 100_000, kind: "SentimentAnalysis");

        var stored = await RunAsync(GiveUpQuickly());

        AssertAllFailed(stored, "RequestFailedException", "500");
    }

    [Fact]
    public async Task Upload_ServiceHangs_EachTimesOutAndIsRecordedFailedWithTheTimeout()
    {
        _stub.InjectFault(StubFault.Slow(TimeSpan.FromMinutes(10)), times: 100_000, kind: "LanguageDetection");

        var stored = await RunAsync(GiveUpQuickly());

        AssertAllFailed(stored, "TimeoutRejectedException", "timeout");
    }

    [Fact]
    public async Task Upload_ServiceAnswersMalformedJson_EachRecordedFailedNamingTheInvalidJson()
    {
        _stub.InjectFault(StubFault.MalformedJson(), times: 100_000, kind: "KeyPhraseExtraction");

        var stored = await RunAsync(GiveUpQuickly());

        AssertAllFailed(stored, "AzureLanguageProtocolException", "not valid JSON");
    }

    /// <summary>One client retry, two watcher attempts, half a second per request: the persistent faults end fast.</summary>
    private static Dictionary<string, string?> GiveUpQuickly() => new()
    {
        ["Analysis:AzureLanguage:MaxRetries"] = "1",
        ["Analysis:AzureLanguage:RequestTimeout"] = "00:00:00.500",
        ["Watcher:MaxAttempts"] = "2",
    };

    /// <summary>Starts the app against the stub, uploads the articles and waits until each has its record.</summary>
    private async Task<IReadOnlyList<ArticleSummary>> RunAsync(Dictionary<string, string?> settings)
    {
        settings["Analysis:Provider"] = "AzureLanguage";
        settings["Analysis:AzureLanguage:Endpoint"] = _stub.HttpEndpoint.ToString();
        settings["Analysis:AzureLanguage:ApiKey"] = _stub.ApiKey;
        settings["Analysis:AzureLanguage:RetryDelay"] = "00:00:00.050";
        settings.TryAdd("Analysis:AzureLanguage:RequestTimeout", "00:00:30");
        await using var app = new LocalApp(azurite, settings);
        _ = app.Server; // starts the host and its watcher
        for (var i = 0; i < Uploads; i++)
        {
            await app.UploadAsync($"faults/{i}.txt", string.Create(CultureInfo.InvariantCulture,
                $"Harbor Report {i}\n\nMayor Lena Ortiz praised the ferry crews on Tuesday. Residents of Harbor City thanked Omar Haddad for report {i}."));
        }

        var stored = await app.WaitForArticlesAsync(Uploads, Patience);
        Assert.Equal(Enumerable.Range(0, Uploads).Select(i => $"faults/{i}.txt"), stored.Select(a => a.BlobName).Order(StringComparer.Ordinal));
        return stored;
    }

    private static void AssertAllFailed(IReadOnlyList<ArticleSummary> stored, params string[] reasonParts)
    {
        Assert.All(stored, a =>
        {
            Assert.Equal(ArticleStatus.Failed, a.Status);
            Assert.NotNull(a.FailureReason);
            Assert.StartsWith("Processing failed 2 times", a.FailureReason, StringComparison.Ordinal);
            Assert.All(reasonParts, part => Assert.Contains(part, a.FailureReason, StringComparison.OrdinalIgnoreCase));
        });
    }
}

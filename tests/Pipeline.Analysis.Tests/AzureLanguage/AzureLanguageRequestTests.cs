using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

public sealed class AzureLanguageRequestTests : IAsyncLifetime
{
    private const string Article = "Senator Bernie Sanders spoke in Iowa on Tuesday. Supporters praised the strong turnout.";
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task AnalyzeAsync_KeyAuth_SendsDocumentedRouteVersionAndHeaders()
    {
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        await analyzer.AnalyzeAsync(new AnalysisRequest(Article), CancellationToken.None);

        var requests = _stub.Requests;
        Assert.Equal(["EntityRecognition", "KeyPhraseExtraction", "LanguageDetection", "SentimentAnalysis"], requests.Select(r => r.Kind!).Order());
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.StartsWith("/language/:analyze-text?", r.RawPathAndQuery, StringComparison.Ordinal); // colon not escaped
            Assert.Equal("2023-04-01", r.ApiVersion);
            Assert.Equal(_stub.ApiKey, r.SubscriptionKey);
            Assert.Null(r.Authorization);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AnalyzeAsync_PerKind_SendsDocumentedParameters()
    {
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        await analyzer.AnalyzeAsync(new AnalysisRequest(Article), CancellationToken.None);

        var sentiment = Assert.Single(_stub.Requests.OfKind("SentimentAnalysis"));
        Assert.Equal("Utf16CodeUnit", sentiment.StringIndexType);
        Assert.True(sentiment.OpinionMining);
        Assert.Equal("en", Assert.Single(sentiment.Documents).Language);
        Assert.Equal("Utf16CodeUnit", Assert.Single(_stub.Requests.OfKind("EntityRecognition")).StringIndexType);
        var phrases = Assert.Single(_stub.Requests.OfKind("KeyPhraseExtraction"));
        Assert.Null(phrases.StringIndexType);
        Assert.Null(phrases.OpinionMining);
        var detection = Assert.Single(_stub.Requests.OfKind("LanguageDetection"));
        Assert.Null(detection.StringIndexType);
        Assert.Null(Assert.Single(detection.Documents).Language); // LanguageDetection takes countryHint, not language
        Assert.Contains("\"modelVersion\":\"latest\"", sentiment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_ConfiguredApiVersion_IsSentAndNamesTheAnalyzer()
    {
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.ApiVersion = "2024-11-01");

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(Article), CancellationToken.None);

        Assert.All(_stub.Requests, r => Assert.Equal("2024-11-01", r.ApiVersion));
        Assert.Equal("azure-language/2024-11-01", result.Analyzer);
    }

    [Fact]
    public async Task AnalyzeAsync_TwelveChunks_BatchesTenFiveTenPerKind()
    {
        var article = new ArticleBuilder().FillTo(12 * 190).Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o => o.MaxDocumentLength = 200);

        await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        var chunks = _stub.Requests.OfKind("LanguageDetection").Sum(r => r.Documents.Count);
        Assert.InRange(chunks, 11, 20);
        Assert.Equal(Sizes(chunks, 10), _stub.Requests.OfKind("SentimentAnalysis").Select(r => r.Documents.Count));
        Assert.Equal(Sizes(chunks, 10), _stub.Requests.OfKind("KeyPhraseExtraction").Select(r => r.Documents.Count));
        Assert.Equal(Sizes(chunks, 5), _stub.Requests.OfKind("EntityRecognition").Select(r => r.Documents.Count));
        Assert.Single(_stub.Requests.OfKind("LanguageDetection")); // up to 1000 per request
    }

    [Fact]
    public async Task AnalyzeAsync_ConfiguredBatchSizes_AreUsed()
    {
        var article = new ArticleBuilder().FillTo(6 * 190).Build();
        var analyzer = AzureLanguageHarness.Analyzer(_stub, o =>
        {
            o.MaxDocumentLength = 200;
            o.SentimentBatchSize = 2;
            o.EntityBatchSize = 1;
            o.KeyPhraseBatchSize = 3;
        });

        await analyzer.AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        Assert.All(_stub.Requests.OfKind("SentimentAnalysis"), r => Assert.InRange(r.Documents.Count, 1, 2));
        Assert.All(_stub.Requests.OfKind("EntityRecognition"), r => Assert.Single(r.Documents));
        Assert.All(_stub.Requests.OfKind("KeyPhraseExtraction"), r => Assert.InRange(r.Documents.Count, 1, 3));
    }

    [Fact]
    public async Task AnalyzeAsync_LanguageHint_SkipsDetectionAndSendsTheLanguage()
    {
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(Article, "es"), CancellationToken.None);

        Assert.Empty(_stub.Requests.OfKind("LanguageDetection"));
        Assert.All(_stub.Requests, r => Assert.Equal("es", Assert.Single(r.Documents).Language));
        Assert.Equal(new DetectedLanguage("Spanish", "es", 1.0), result.Language);
    }

    [Fact]
    public async Task AnalyzeAsync_TokenCredential_SendsBearerTokenForCognitiveServicesScope()
    {
        var credential = new StaticTokenCredential(_stub.BearerToken);
        var analyzer = AzureLanguageHarness.Analyzer(
            _stub, o => (o.Endpoint, o.ApiKey) = (_stub.HttpsEndpoint, null), credential: credential, transport: AzureLanguageHarness.TrustingTransport(_stub));

        var result = await analyzer.AnalyzeAsync(new AnalysisRequest(Article), CancellationToken.None);

        Assert.True(result.IsScored);
        Assert.All(_stub.Requests, r =>
        {
            Assert.Equal("Bearer " + _stub.BearerToken, r.Authorization);
            Assert.Null(r.SubscriptionKey);
        });
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.RequestedScopes);
    }

    [Fact]
    public async Task AnalyzeAsync_EmptyText_IsRejectedWithoutCallingTheService()
    {
        var analyzer = AzureLanguageHarness.Analyzer(_stub);

        await Assert.ThrowsAsync<AnalysisRejectedException>(() => analyzer.AnalyzeAsync(new AnalysisRequest("  \n "), CancellationToken.None));

        Assert.Empty(_stub.Requests);
    }

    private static IEnumerable<int> Sizes(int total, int batch) =>
        Enumerable.Range(0, (total + batch - 1) / batch).Select(i => Math.Min(batch, total - (i * batch)));
}

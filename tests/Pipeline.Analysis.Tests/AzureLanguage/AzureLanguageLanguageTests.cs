using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>Language detection and the sentiment-supported set that decides IsScored.</summary>
public sealed class AzureLanguageLanguageTests : IAsyncLifetime
{
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Theory]
    [InlineData("ru")]
    [InlineData("ar")]
    [InlineData("pl")]
    public async Task AnalyzeAsync_DeclaredLanguageWithoutSentimentSupport_IsNotScoredAndCallsNothing(string language)
    {
        var result = await AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest("Some text here.", language), CancellationToken.None);

        Assert.False(result.IsScored);
        Assert.Null(result.Sentiment);
        Assert.Empty(result.Sentences);
        Assert.Empty(result.Entities);
        Assert.Empty(result.KeyPhrases);
        Assert.Equal(language, result.Language.Iso6391Name);
        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData("pt", "pt-PT")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("nb", "no")]
    public async Task AnalyzeAsync_DeclaredLanguage_IsSentAsTheServiceCode(string declared, string sent)
    {
        var result = await AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest("Some text here.", declared), CancellationToken.None);

        Assert.True(result.IsScored);
        Assert.Equal(declared[..2], result.Language.Iso6391Name);
        Assert.All(_stub.Requests, r => Assert.Equal(sent, Assert.Single(r.Documents).Language));
    }

    [Fact]
    public async Task AnalyzeAsync_UndeterminedLanguage_IsNotScored()
    {
        var result = await AzureLanguageHarness.Analyzer(_stub).AnalyzeAsync(new AnalysisRequest("12345 67890 !!!"), CancellationToken.None);

        Assert.False(result.IsScored);
        Assert.Equal("(Unknown)", result.Language.Iso6391Name);
        Assert.Equal(["LanguageDetection"], _stub.Requests.Select(r => r.Kind));
    }

    [Fact]
    public async Task AnalyzeAsync_ChunksInDifferentLanguages_TheLongestWeightedLanguageWins()
    {
        var article = new ArticleBuilder()
            .Sentence("El presidente y la ministra de la ciudad hablaron con los vecinos del barrio.")
            .FillTo(700, "The mayor said that the plan was good for the city and the region.")
            .Build();

        var result = await AzureLanguageHarness.Analyzer(_stub, o => o.MaxDocumentLength = 100).AnalyzeAsync(new AnalysisRequest(article), CancellationToken.None);

        var detection = Assert.Single(_stub.Requests.OfKind("LanguageDetection"));
        Assert.True(detection.Documents.Count > 5);
        Assert.Equal("en", result.Language.Iso6391Name);
        Assert.Equal("English", result.Language.Name);
        Assert.All(_stub.Requests.OfKind("SentimentAnalysis").SelectMany(r => r.Documents), d => Assert.Equal("en", d.Language));
    }
}

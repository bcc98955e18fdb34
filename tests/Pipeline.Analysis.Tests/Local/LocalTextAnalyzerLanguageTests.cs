using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local;

public sealed class LocalTextAnalyzerLanguageTests
{
    [Fact]
    public async Task AnalyzeAsync_TooShortToTellTheLanguage_IsScoredAsEnglish()
    {
        var result = await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest("Huge win!"), CancellationToken.None);

        Assert.Equal("(Unknown)", result.Language.Iso6391Name);
        Assert.True(result.IsScored);
        Assert.NotNull(result.Sentiment);
    }

    [Theory]
    [InlineData("\U0001F600\U0001F44D\U0001F525")]
    [InlineData("\u2764\uFE0F \u2764\uFE0F !!! 100")]
    public async Task AnalyzeAsync_EmojiOnly_IsUnscoredWithoutLanguage(string text)
    {
        var result = await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

        Assert.False(result.IsScored);
        Assert.Equal("(Unknown)", result.Language.Iso6391Name);
        Assert.Equal(0, result.Language.ConfidenceScore);
        Assert.Null(result.Sentiment);
        Assert.Empty(result.Entities);
    }

    [Theory]
    [InlineData("Click here to subscribe to FOX411\u2019s")]
    [InlineData("'We want referendum': intensive talks")]
    [InlineData("So I am prepared")]
    public async Task AnalyzeAsync_ShortEnglish_IsScoredAsEnglish(string text)
    {
        var result = await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

        Assert.Equal("en", result.Language.Iso6391Name);
        Assert.True(result.IsScored);
    }

    [Fact]
    public async Task AnalyzeAsync_RecognisablyFrench_IsStoredUnscored()
    {
        const string text = "Le maire de la ville a présenté mardi un nouveau plan pour les transports publics, mais les habitants restent sceptiques.";

        var result = await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

        Assert.Equal("fr", result.Language.Iso6391Name);
        Assert.False(result.IsScored);
        Assert.Null(result.Sentiment);
        Assert.Empty(result.Entities);
    }

    [Theory]
    [InlineData("fr", "French")]
    [InlineData("DE", "German")]
    [InlineData("ja", "Japanese")]
    [InlineData("pt-BR", "Portuguese")]
    [InlineData("xx", "xx")]
    public async Task AnalyzeAsync_DeclaredLanguage_NamedLikeDetection(string hint, string name)
    {
        const string text = "The mayor presented a new plan for public transport on Tuesday, but residents remain sceptical.";

        var result = await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(text) { LanguageHint = hint }, CancellationToken.None);

        Assert.Equal(name, result.Language.Name);
        Assert.Equal(hint.ToLowerInvariant(), result.Language.Iso6391Name);
        Assert.False(result.IsScored);
    }
}

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

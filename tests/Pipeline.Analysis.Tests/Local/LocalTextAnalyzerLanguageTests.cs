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
}

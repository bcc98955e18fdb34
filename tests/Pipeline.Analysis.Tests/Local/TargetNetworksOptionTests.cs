using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local;

public sealed class TargetNetworksOptionTests
{
    private const string Article =
        "Okafor Praises Brandt\n\nSenator Maria Okafor praised Governor Tom Brandt on Monday, while Okafor's rival Ed Hale " +
        "called Brandt a disgraceful liar and said Okafor had misled voters.";

    [Fact]
    public async Task AddTextAnalysis_TargetNetworksOff_EntitySentimentOfTheLinearModelAlone()
    {
        var off = await AnalyzeAsync(new() { ["Provider"] = "Local", ["TargetNetworks"] = "false" });
        var on = await AnalyzeAsync(new() { ["Provider"] = "Local" });
        var linearOnly = LocalTextAnalyzer.CreateWithoutTargetNetworks().Analyze(new AnalysisRequest(Article));

        Assert.Equal(MentionSentiments(linearOnly), MentionSentiments(off));
        Assert.NotEqual(MentionSentiments(on), MentionSentiments(off));
        Assert.Equal(on.Sentences.Select(s => s.Sentiment), off.Sentences.Select(s => s.Sentiment));
    }

    private static async Task<TextAnalysis> AnalyzeAsync(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddTextAnalysis(configuration).BuildServiceProvider();
        return await provider.GetRequiredService<ITextAnalyzer>().AnalyzeAsync(new AnalysisRequest(Article), CancellationToken.None);
    }

    private static List<(int Offset, SentimentScores? Scores)> MentionSentiments(TextAnalysis analysis) =>
        analysis.Entities.SelectMany(e => e.Mentions).Select(m => (m.Offset, m.Sentiment?.Scores)).OrderBy(m => m.Offset).ToList();
}

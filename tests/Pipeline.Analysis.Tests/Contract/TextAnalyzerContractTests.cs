using System.Text.Json;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Contract;

/// <summary>
/// The result shape every <see cref="ITextAnalyzer"/> must produce, run against each provider
/// (Local and Azure AI Language through the stub) by the concrete subclasses.
/// </summary>
public abstract class TextAnalyzerContractTests
{
    /// <summary>Written for these tests: a candidate named in full, then by surname; praise, criticism, places, a date.</summary>
    protected const string Article =
        "Senator Bernie Sanders spoke to voters in Iowa on Tuesday. Supporters praised the strong turnout, and Sanders said " +
        "the campaign had great momentum. Critics attacked the plan as a failure. The Democratic Party will meet in Washington next week.";

    private static readonly HashSet<string> AzureCategories =
    [
        "Person", "PersonType", "Location", "Organization", "Event", "Product", "Skill", "Address", "PhoneNumber",
        "Email", "URL", "IP", "DateTime", "Quantity",
    ];

    protected abstract Task<ITextAnalyzer> CreateAnalyzerAsync();

    private async Task<TextAnalysis> AnalyzeAsync(string text = Article) =>
        await (await CreateAnalyzerAsync()).AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None);

    [Fact]
    public async Task AnalyzeAsync_EnglishNews_IsScoredEnglish()
    {
        var result = await AnalyzeAsync();

        Assert.True(result.IsScored);
        Assert.Equal("en", result.Language.Iso6391Name);
        Assert.InRange(result.Language.ConfidenceScore, 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(result.Analyzer));
    }

    [Fact]
    public async Task AnalyzeAsync_AllSentimentScores_SumToOne()
    {
        var result = await AnalyzeAsync();

        var all = new[] { result.Sentiment! }
            .Concat(result.Sentences.Select(s => s.Sentiment))
            .Concat(result.Entities.Where(e => e.Sentiment is not null).Select(e => e.Sentiment!))
            .Concat(result.Entities.SelectMany(e => e.Mentions).Where(m => m.Sentiment is not null).Select(m => m.Sentiment!));
        Assert.All(all, s =>
        {
            Assert.Equal(1.0, s.Scores.Positive + s.Scores.Neutral + s.Scores.Negative, 9);
            Assert.InRange(s.Scores.Positive, 0, 1);
            Assert.InRange(s.Scores.Negative, 0, 1);
        });
    }

    [Fact]
    public async Task AnalyzeAsync_Sentences_AreOrderedNonOverlappingWithinTheText()
    {
        var result = await AnalyzeAsync();

        Assert.True(result.Sentences.Count >= 4, $"expected at least 4 sentences, got {result.Sentences.Count}");
        var end = 0;
        foreach (var s in result.Sentences)
        {
            Assert.True(s.Offset >= end, $"sentence at {s.Offset} overlaps the previous one ending at {end}");
            Assert.True(s.Length > 0 && s.Offset + s.Length <= Article.Length);
            Assert.True(string.IsNullOrWhiteSpace(Article[end..s.Offset]), "text between sentences must be whitespace only");
            end = s.Offset + s.Length;
        }

        Assert.True(string.IsNullOrWhiteSpace(Article[end..]), "the sentences must cover the text up to trailing whitespace");
    }

    [Fact]
    public async Task AnalyzeAsync_EntityMentions_MatchTheTextAtTheirOffsets()
    {
        var result = await AnalyzeAsync();

        Assert.NotEmpty(result.Entities);
        Assert.All(result.Entities.SelectMany(e => e.Mentions), m =>
        {
            Assert.InRange(m.Offset, 0, Article.Length - m.Length);
            Assert.Equal(m.Text, Article.Substring(m.Offset, m.Length));
            Assert.InRange(m.ConfidenceScore, 0, 1);
        });
    }

    [Fact]
    public async Task AnalyzeAsync_Entities_HaveAzureCategoriesAndLongestMentionAsName()
    {
        var result = await AnalyzeAsync();

        Assert.All(result.Entities, e =>
        {
            Assert.Contains(e.Category, AzureCategories);
            Assert.NotEmpty(e.Mentions);
            Assert.True(e.Mentions.All(m => m.Text.Length <= e.Name.Length || m.Text.StartsWith(e.Name, StringComparison.Ordinal)),
                $"'{e.Name}' is shorter than one of its mentions");
            Assert.Equal(e.Id, EntityId.For(e.Category, e.Name));
        });
    }

    [Fact]
    public async Task AnalyzeAsync_SurnameMention_IsCoreferredToTheFullName()
    {
        var result = await AnalyzeAsync();

        var sanders = Assert.Single(result.Entities, e => e.Category == "Person" && e.Name.Contains("Sanders", StringComparison.Ordinal));
        Assert.Equal("Bernie Sanders", sanders.Name);
        Assert.Contains(sanders.Mentions, m => m.Text == "Sanders");
        Assert.NotNull(sanders.Sentiment);
    }

    [Fact]
    public async Task AnalyzeAsync_KeyPhrases_HaveDescendingScoresInUnitInterval()
    {
        var result = await AnalyzeAsync();

        Assert.NotEmpty(result.KeyPhrases);
        Assert.All(result.KeyPhrases, p => Assert.InRange(p.Score, 0, 1));
        Assert.Equal(result.KeyPhrases.Select(p => p.Score).OrderDescending(), result.KeyPhrases.Select(p => p.Score));
    }

    [Fact]
    public async Task AnalyzeAsync_SameText_SameResult()
    {
        var first = JsonSerializer.Serialize(await AnalyzeAsync());
        var second = JsonSerializer.Serialize(await AnalyzeAsync());

        Assert.Equal(first, second);
    }
}

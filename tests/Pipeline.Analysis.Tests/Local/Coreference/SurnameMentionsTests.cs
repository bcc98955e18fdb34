using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local.Coreference;

public sealed class SurnameMentionsTests
{
    [Fact]
    public async Task Analyze_SurnameTheTaggerMissed_JoinsThePerson()
    {
        const string text = "Residents applauded Mayor Maria Delgado on Tuesday after the harbor was cleaned.\n\nDelgado thanked the volunteers. Critics said little about Delgado.";

        var entities = await EntitiesOf(text);

        var delgado = Assert.Single(entities, e => e.Name == "Maria Delgado");
        Assert.Equal(3, delgado.Mentions.Count);
        Assert.All(delgado.Mentions, m => Assert.Equal(m.Text, text.Substring(m.Offset, m.Length)));
        Assert.Equal(["Maria Delgado", "Delgado", "Delgado"], delgado.Mentions.Select(m => m.Text));
        Assert.All(delgado.Mentions, m => Assert.NotNull(m.Sentiment));
    }

    [Fact]
    public async Task Analyze_SurnameSharedByTwoPeople_IsNotGuessed()
    {
        const string text = "Bill Clinton and Hillary Clinton arrived together in Ohio.\n\nLater, Clinton spoke about jobs.";

        var entities = await EntitiesOf(text);

        var mentions = entities.Where(e => e.Category == "Person").SelectMany(e => e.Mentions).Where(m => m.Text == "Clinton").ToList();
        Assert.True(mentions.Count <= 1, "a bare 'Clinton' is at most resolved once, by coreference, not duplicated by propagation");
    }

    [Fact]
    public async Task Analyze_LowercaseWordEqualToSurname_IsNotAMention()
    {
        const string text = "Senator Amy Stone praised the plan.\n\nWorkers laid stone along the river path.";

        var stone = Assert.Single(await EntitiesOf(text), e => e.Name == "Amy Stone");

        Assert.Single(stone.Mentions);
    }

    private static async Task<IReadOnlyList<EntityResult>> EntitiesOf(string text) =>
        (await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None)).Entities;
}

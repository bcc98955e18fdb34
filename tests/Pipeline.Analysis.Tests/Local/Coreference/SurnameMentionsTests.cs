using Pipeline.Analysis.Local;
using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Propagate_MentionsInOrderOrNot_AddedMentionsSortedByOffset(bool shuffled)
    {
        const string text = "Delgado spoke first. Maria Delgado won. Then Delgado left, and Delgado returned.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var mentions = new List<DetectedMention>
        {
            Mention(text, tokens, "Maria Delgado", 0),
            Mention(text, tokens, "Delgado", text.IndexOf("Delgado left", StringComparison.Ordinal)),
        };
        if (shuffled)
        {
            mentions.Reverse();
        }

        var clusters = new List<EntityCluster> { new("Maria Delgado", EntityCategories.Person, null, mentions) };

        var result = SurnameMentions.Propagate(text, tokens, sentences, clusters);

        var starts = Assert.Single(result).Mentions.Select(m => m.Start).ToList();
        Assert.Equal(
            [0, text.IndexOf("Maria", StringComparison.Ordinal), text.IndexOf("Delgado left", StringComparison.Ordinal), text.LastIndexOf("Delgado", StringComparison.Ordinal)],
            starts);
        var added = result[0].Mentions.Single(m => m.Start == text.LastIndexOf("Delgado", StringComparison.Ordinal));
        Assert.Equal(SurnameMentions.PropagatedConfidence, added.Confidence);
        Assert.Equal(sentences.Count - 1, added.Sentence);
    }

    private static DetectedMention Mention(string text, List<TextSpan> tokens, string name, int from)
    {
        var start = text.IndexOf(name, from, StringComparison.Ordinal);
        var first = tokens.FindIndex(t => t.Start == start);
        var end = tokens.FindIndex(t => t.End == start + name.Length) + 1;
        var sentence = 0;
        return new DetectedMention(start, name.Length, EntityCategories.Person, null, 0.9, sentence, first, end);
    }

    private static async Task<IReadOnlyList<EntityResult>> EntitiesOf(string text) =>
        (await LocalTextAnalyzer.CreateDefault().AnalyzeAsync(new AnalysisRequest(text), CancellationToken.None)).Entities;
}

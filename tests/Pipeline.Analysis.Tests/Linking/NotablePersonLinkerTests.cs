using Pipeline.Analysis.Linking;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Linking;

public sealed class NotablePersonLinkerTests
{
    private static readonly NotablePersonLinker Linker = new([new("Trump", "Donald Trump"), new("Obama", "Barack Obama")]);

    [Fact]
    public void Link_SurnameOnlyPerson_GetsTheFullName()
    {
        var analysis = Analysis(Person("Trump", Mention(10, "Trump", 0.1, 0.2, 0.7)));

        var linked = Linker.Link(analysis);

        var entity = Assert.Single(linked.Entities);
        Assert.Equal("Donald Trump", entity.Name);
        Assert.Equal("person-donald-trump", entity.Id);
        Assert.Equal(10, Assert.Single(entity.Mentions).Offset);
    }

    [Fact]
    public void Link_SurnameAndFullNameBothPresent_MergesMentionsAndAveragesSentiment()
    {
        var analysis = Analysis(
            Person("Donald Trump", Mention(0, "Donald Trump", 0.8, 0.2, 0.0)),
            Person("Trump", Mention(40, "Trump", 0.0, 0.2, 0.8)));

        var entity = Assert.Single(Linker.Link(analysis).Entities);

        Assert.Equal([0, 40], entity.Mentions.Select(m => m.Offset));
        Assert.Equal(0.4, entity.Sentiment!.Scores.Positive, 3);
        Assert.Equal(0.4, entity.Sentiment.Scores.Negative, 3);
    }

    [Fact]
    public void Link_UnknownSurnameOrOtherCategory_IsLeftAlone()
    {
        var analysis = Analysis(
            Person("Rekstein", Mention(0, "Rekstein", 0, 1, 0)),
            new EntityResult("Trump", "Organization", null, null, [Mention(20, "Trump", 0, 1, 0)]));

        var linked = Linker.Link(analysis);

        Assert.Equal(["Rekstein", "Trump"], linked.Entities.Select(e => e.Name));
    }

    [Fact]
    public void Link_FullNameWithSameSurnameAsAnotherPerson_IsNotRenamed()
    {
        var analysis = Analysis(Person("Ivanka Trump", Mention(0, "Ivanka Trump", 0, 1, 0)));

        Assert.Equal("Ivanka Trump", Assert.Single(Linker.Link(analysis).Entities).Name);
    }

    [Fact]
    public void Default_EmbeddedList_LinksWellKnownSurnames()
    {
        var linked = NotablePersonLinker.Default.Link(Analysis(Person("Obama", Mention(0, "Obama", 0, 1, 0))));

        Assert.Equal("Barack Obama", Assert.Single(linked.Entities).Name);
    }

    [Fact]
    public void Link_AcronymOnlyOrganization_GetsTheFullNameAndMergesWithIt()
    {
        var linker = new NotablePersonLinker([], [new("DNC", "Democratic National Committee")]);
        var analysis = Analysis(
            Organization("Democratic National Committee", 0, 3),
            Organization("DNC", 50, 1));

        var entity = Assert.Single(linker.Link(analysis).Entities);

        Assert.Equal(("Organization", "Democratic National Committee"), (entity.Category, entity.Name));
        Assert.Equal([0, 50], entity.Mentions.Select(m => m.Offset));
        Assert.Equal(new ToneEvidence(2, 4, 0.5), entity.Tone);
    }

    [Fact]
    public void Link_AcronymInOtherCaseOrCategory_IsLeftAlone()
    {
        var linker = new NotablePersonLinker([], [new("DNC", "Democratic National Committee")]);
        var analysis = Analysis(Organization("Dnc", 0, 1), new EntityResult("DNC", "Location", null, null, [Mention(9, "DNC", 0, 1, 0)]));

        Assert.Equal(["Dnc", "DNC"], linker.Link(analysis).Entities.Select(e => e.Name));
    }

    [Fact]
    public void Default_EmbeddedList_LinksWellKnownAcronyms()
    {
        var linked = NotablePersonLinker.Default.Link(Analysis(Organization("DNC", 0, 1)));

        Assert.Equal("Democratic National Committee", Assert.Single(linked.Entities).Name);
    }

    private static EntityResult Organization(string name, int offset, int sentences) =>
        new(name, "Organization", null, null, [Mention(offset, name, 0, 1, 0)]) { Tone = new ToneEvidence(1, sentences, 0.5) };

    private static TextAnalysis Analysis(params EntityResult[] entities) => new()
    {
        Analyzer = "test",
        Language = new DetectedLanguage("English", "en", 1),
        IsScored = true,
        Entities = entities,
    };

    private static EntityResult Person(string name, params EntityMention[] mentions) =>
        new(name, "Person", null, mentions.Select(m => m.Sentiment).FirstOrDefault(), mentions);

    private static EntityMention Mention(int offset, string text, double positive, double neutral, double negative) =>
        new(offset, text.Length, text, 0.9, SentimentResult.From(new SentimentScores(positive, neutral, negative)));
}

using Pipeline.Analysis.AzureLanguage;

namespace Pipeline.Analysis.Tests.AzureLanguage;

public sealed class EntityCoreferenceTests
{
    private static RawMention Person(int offset, string text) => new(offset, text.Length, text, "Person", null, 0.9);

    [Fact]
    public void Group_SurnameAfterFullName_JoinsTheFullNameAndCanonicalIsLongest()
    {
        var groups = EntityCoreference.Group([Person(0, "Bernie Sanders"), Person(40, "Sanders"), Person(80, "Sanders")]);

        var group = Assert.Single(groups);
        Assert.Equal("Bernie Sanders", group.Name);
        Assert.Equal([0, 40, 80], group.Mentions.Select(m => m.Offset));
    }

    [Fact]
    public void Group_SurnameBeforeFullName_StillJoins()
    {
        var group = Assert.Single(EntityCoreference.Group([Person(0, "Sanders"), Person(50, "Bernie Sanders")]));

        Assert.Equal("Bernie Sanders", group.Name);
        Assert.Equal(2, group.Mentions.Count);
    }

    [Fact]
    public void Group_TwoFullNamesShareSurname_SurnameJoinsTheMostRecentOne()
    {
        var groups = EntityCoreference.Group(
        [
            Person(0, "Hillary Clinton"), Person(30, "Bill Clinton"), Person(60, "Clinton"),
            Person(90, "Hillary Clinton"), Person(120, "Clinton"),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([0, 90, 120], groups.Single(g => g.Name == "Hillary Clinton").Mentions.Select(m => m.Offset));
        Assert.Equal([30, 60], groups.Single(g => g.Name == "Bill Clinton").Mentions.Select(m => m.Offset));
    }

    [Fact]
    public void Group_SameTextDifferentCategory_StaysSeparate()
    {
        var groups = EntityCoreference.Group(
        [
            new RawMention(0, 10, "Washington", "Location", "GPE", 0.9),
            new RawMention(20, 10, "Washington", "Person", null, 0.6),
        ]);

        Assert.Equal(["Location", "Person"], groups.Select(g => g.Category));
    }

    [Fact]
    public void Group_CaseSpacingPossessiveAndArticle_AreNormalized()
    {
        var groups = EntityCoreference.Group(
        [
            new RawMention(0, 20, "the Democratic Party", "Organization", null, 0.9),
            new RawMention(30, 16, "Democratic  party", "Organization", null, 0.9),
            new RawMention(60, 18, "Democratic Party's", "Organization", null, 0.9),
        ]);

        var group = Assert.Single(groups);
        Assert.Equal("the Democratic Party", group.Name); // the longest form
        Assert.Equal(3, group.Mentions.Count);
    }

    [Fact]
    public void Group_SurnameWithoutMatchingFullName_StaysItsOwnEntity()
    {
        var groups = EntityCoreference.Group([Person(0, "Bernie Sanders"), Person(30, "Warren")]);

        Assert.Equal(["Bernie Sanders", "Warren"], groups.Select(g => g.Name));
    }

    [Fact]
    public void Group_SurnameOfANonPerson_IsNotFolded()
    {
        var groups = EntityCoreference.Group(
        [
            new RawMention(0, 16, "Sanders Institute", "Organization", null, 0.9),
            Person(30, "Sanders"),
        ]);

        Assert.Equal(2, groups.Count);
    }

    [Fact]
    public void Group_Subcategory_IsTheMostCommonOne()
    {
        var group = Assert.Single(EntityCoreference.Group(
        [
            new RawMention(0, 4, "Iowa", "Location", "GPE", 0.9),
            new RawMention(10, 4, "Iowa", "Location", null, 0.9),
            new RawMention(20, 4, "Iowa", "Location", "GPE", 0.9),
        ]));

        Assert.Equal("GPE", group.Subcategory);
    }
}

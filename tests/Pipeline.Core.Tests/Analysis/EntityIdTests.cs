using Pipeline.Core.Analysis;

namespace Pipeline.Core.Tests.Analysis;

public sealed class EntityIdTests
{
    [Theory]
    [InlineData("Person", "Bernie Sanders", "person-bernie-sanders")]
    [InlineData("Organization", "Democratic National Committee (DNC)", "organization-democratic-national-committee-dnc")]
    [InlineData("Person", "Beto O'Rourke", "person-beto-orourke")]
    [InlineData("Person", "Recep Tayyip Erdoğan", "person-recep-tayyip-erdogan")]
    [InlineData("PersonType", "  senator ", "persontype-senator")]
    public void For_Names_GivesReadableSlugs(string category, string name, string expected) =>
        Assert.Equal(expected, EntityId.For(category, name));

    [Fact]
    public void For_SameNameDifferentCase_SameId() =>
        Assert.Equal(EntityId.For("Person", "HILLARY CLINTON"), EntityId.For("Person", "Hillary Clinton"));

    [Fact]
    public void For_NonLatinName_GivesStableHashedId()
    {
        var id = EntityId.For("Person", "习近平");

        Assert.StartsWith("person-x", id, StringComparison.Ordinal);
        Assert.Equal(id, EntityId.For("Person", "习近平"));
        Assert.NotEqual(id, EntityId.For("Person", "李强"));
    }
}

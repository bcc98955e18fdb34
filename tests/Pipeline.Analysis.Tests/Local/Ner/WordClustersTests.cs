using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class WordClustersTests
{
    private static WordClusters Read(params string[] lines) =>
        WordClusters.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    [Fact]
    public void Read_Lines_ClassPerLevelCaseInsensitive()
    {
        var clusters = Read("fidesz\t3\t40\t900", "likud\t3\t41\t901");

        Assert.Equal(2, clusters.Count);
        Assert.Equal(3, clusters.ClassOf("Fidesz", 0));
        Assert.Equal(40, clusters.ClassOf("FIDESZ", 1));
        Assert.Equal(901, clusters.ClassOf("Likud", 2));
        Assert.Equal(-1, clusters.ClassOf("Meretz", 0));
    }

    [Fact]
    public void Read_SameWordTwiceAfterFolding_FirstLineWins()
    {
        // Frequency order: the first spelling is the more frequent one; the curly apostrophe folds to the ASCII one.
        var clusters = Read("it's\t1\t2\t3", "it’s\t7\t8\t9");

        Assert.Equal(1, clusters.Count);
        Assert.Equal(3, clusters.ClassOf("It’s", 2));
    }

    [Theory]
    [InlineData("fidesz\t1\t2")]
    [InlineData("fidesz\t1\t2\tx")]
    [InlineData("fidesz\t1\t2\t65535")]
    [InlineData("\t1\t2\t3")]
    [InlineData("fidesz\t1\t2\t-3")]
    public void Read_MalformedLine_Throws(string line) =>
        Assert.Throws<InvalidDataException>(() => Read("likud\t3\t41\t901", line));

    [Fact]
    public void Packed_KnownAndUnknownWord_UnpacksEveryLevelOrNone()
    {
        var clusters = Read("fidesz\t0\t255\t1023");

        var packed = clusters.Packed(FeatureHash.Lower("Fidesz"));
        Assert.Equal(0, WordClusters.Unpack(packed, 0));
        Assert.Equal(255, WordClusters.Unpack(packed, 1));
        Assert.Equal(1023, WordClusters.Unpack(packed, 2));
        Assert.Equal(0UL, clusters.Packed(FeatureHash.Lower("Likud")));
        Assert.Equal(-1, WordClusters.Unpack(0, 1));
    }

    [Fact]
    public void Default_EmbeddedTable_GroupsPartyNamesApartFromPlacesAndPeople()
    {
        var clusters = WordClusters.Default;
        var party = clusters.ClassOf("Meretz", WordClusters.Levels - 1);

        Assert.True(clusters.Count > 100_000);
        Assert.NotEqual(-1, party);
        Assert.Equal(party, clusters.ClassOf("Shinui", WordClusters.Levels - 1));
        Assert.Equal(party, clusters.ClassOf("Fidesz", WordClusters.Levels - 1));
        Assert.NotEqual(party, clusters.ClassOf("Paris", WordClusters.Levels - 1));
        Assert.NotEqual(party, clusters.ClassOf("Smith", WordClusters.Levels - 1));
    }
}

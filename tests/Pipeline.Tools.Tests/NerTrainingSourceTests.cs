using Pipeline.Analysis.Local.Ner;
using Pipeline.Tools;

namespace Pipeline.Tools.Tests;

public sealed class NerTrainingSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ner-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Parse_AllParts_ReadsMapPercentAndTimes()
    {
        var source = NerTrainingSource.Parse("extra/btc.conll:MISC=O+LOC=ORG%50*3");

        Assert.Equal("extra/btc.conll", source.File);
        Assert.Equal("O", source.Map["MISC"]);
        Assert.Equal("ORG", source.Map["LOC"]);
        Assert.Equal(50, source.Percent);
        Assert.Equal(3, source.Times);
        Assert.Equal("extra/btc.conll:MISC=O+LOC=ORG%50*3", source.ToString());
    }

    [Theory]
    [InlineData("a.conll:FOO=O")]
    [InlineData("a.conll:PER=GPE")]
    [InlineData("a.conll:the=PER")]
    [InlineData("a.conll:the")]
    [InlineData("a.conll%0")]
    [InlineData("a.conll*x")]
    [InlineData(":PER=O")]
    public void Parse_BadSpec_Throws(string spec) =>
        Assert.Throws<FormatException>(() => NerTrainingSource.Parse(spec));

    [Fact]
    public void Read_Mapping_MapsTypesKeepingBeginAndInside()
    {
        File.WriteAllText(Path.Combine(_dir, "a.conll"), "Ann\tB-PER\nvisited\tO\nNew\tB-LOC\nYork\tI-LOC\nfor\tO\nEaster\tB-MISC\n");

        var tags = NerTrainingSource.Parse("a.conll:LOC=ORG+MISC=O").Read(_dir).Single().Tags.Select(NerTags.Name);

        Assert.Equal(["B-PER", "O", "B-ORG", "I-ORG", "O", "O"], tags);
    }

    [Fact]
    public void Read_Conventions_StripsLeadingTheAndRetagsDemonymsOnly()
    {
        File.WriteAllText(
            Path.Combine(_dir, "c.conll"),
            "the\tB-LOC\nUnited\tI-LOC\nStates\tI-LOC\nand\tO\nAmerican\tB-LOC\nand\tO\nJapan\tB-LOC\nand\tO\nThe\tB-ORG\nTimes\tI-ORG\n");

        var tags = NerTrainingSource.Parse("c.conll:the=O+DEMONYM=MISC").Read(_dir).Single().Tags.Select(NerTags.Name);

        Assert.Equal(["O", "B-LOC", "I-LOC", "O", "B-MISC", "O", "B-LOC", "O", "B-ORG", "I-ORG"], tags);
    }

    [Fact]
    public void Read_Percent_KeepsEvenlySpacedShare()
    {
        File.WriteAllText(Path.Combine(_dir, "b.conll"), string.Concat(Enumerable.Range(0, 10).Select(i => $"w{i}\tO\n\n")));

        var kept = NerTrainingSource.Parse("b.conll%30").Read(_dir).Select(s => s.Text);

        Assert.Equal(["w3", "w6", "w9"], kept);
    }

    [Fact]
    public void FoldOf_TenSentencesThreeFolds_ContiguousNearEqualBlocks()
    {
        var folds = Enumerable.Range(0, 10).Select(i => NerCrossValidation.FoldOf(i, 10, 3));

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 2, 2, 2], folds);
    }

    [Fact]
    public void DevInTraining_DevFileInTrainingData_NamesIt()
    {
        var dev = Enumerable.Range(0, 10).Select(i => LabelledSentence.FromTokens([$"s{i}"], ["O"])).ToList();
        var train = dev.Take(2).Append(LabelledSentence.FromTokens(["other"], ["O"]));

        Assert.Contains("dev.conll", NerTraining.DevInTraining(train, [("dev.conll", dev)]), StringComparison.Ordinal);
        Assert.Null(NerTraining.DevInTraining(dev.Take(1), [("dev.conll", dev)]));
    }
}

using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class TagRepairTests
{
    // Input and expectation as "word/TAG" tokens separated by spaces ("/O" may be left out).
    private static string Repair(string tagged, TagRepair.Rules rules, float[]? confidences = null)
    {
        var items = tagged.Split(' ');
        var words = items.Select(x => x.Contains('/', StringComparison.Ordinal) && x.Length > 1 ? x[..x.LastIndexOf('/')] : x).ToArray();
        var tags = items.Select(x => x.Contains('/', StringComparison.Ordinal) && x.Length > 1 ? NerTags.Parse(x[(x.LastIndexOf('/') + 1)..]) : NerTags.Outside).ToArray();
        var text = string.Join(' ', words);
        var tokens = new TextSpan[words.Length];
        var offset = 0;
        for (var i = 0; i < words.Length; i++)
        {
            tokens[i] = new TextSpan(offset, words[i].Length);
            offset += words[i].Length + 1;
        }

        TagRepair.Apply(text, tokens, tags, confidences ?? [], rules);
        return string.Join(' ', words.Select((w, i) => tags[i] == NerTags.Outside ? w : w + "/" + NerTags.Name(tags[i])));
    }

    [Fact]
    public void OfComplement_HeadThenOfAndPlace_OneOrg()
    {
        Assert.Equal(
            "the Liberal/B-ORG Party/I-ORG of/I-ORG Canada/I-ORG won",
            Repair("the Liberal/B-ORG Party/I-ORG of Canada/B-LOC won", TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_OfTheAndCapitalisedRun_OneOrg()
    {
        Assert.Equal(
            "Communist/B-ORG Party/I-ORG of/I-ORG the/I-ORG Russian/I-ORG Federation/I-ORG and",
            Repair("Communist/B-ORG Party/I-ORG of the Russian Federation and", TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_ForAndUntaggedPurpose_OneOrg()
    {
        Assert.Equal(
            "the Popular/B-ORG Front/I-ORG for/I-ORG Democracy/I-ORG ,",
            Repair("the Popular/B-ORG Front/I-ORG for Democracy ,", TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_RepairedTokens_TakeConfidenceOfTheName()
    {
        float[] confidences = [0, 0.9f, 0.8f, 0, 0.4f, 0];
        Repair("the Liberal/B-ORG Party/I-ORG of Canada/B-LOC won", TagRepair.Rules.OfComplement, confidences);
        Assert.Equal([0f, 0.9f, 0.8f, 0.8f, 0.8f, 0f], confidences);
    }

    [Fact]
    public void OfComplement_SpanNotEndingInHead_Unchanged()
    {
        Assert.Equal(
            "Fine/B-ORG Gael/I-ORG of Ireland/B-LOC",
            Repair("Fine/B-ORG Gael/I-ORG of Ireland/B-LOC", TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_LowercaseAfterConnector_Unchanged()
    {
        Assert.Equal(
            "Labour/B-ORG Party/I-ORG of the time",
            Repair("Labour/B-ORG Party/I-ORG of the time", TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_ComplementIsAPerson_Unchanged()
    {
        const string tagged = "People/B-ORG 's/I-ORG Party/I-ORG of Nenad/B-PER Popović/I-PER .";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_ComplementIsAnOrganisation_Unchanged()
    {
        const string tagged = "the Super/B-ORG League/I-ORG for FC/B-ORG Basel/I-ORG .";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_LegislatureFor_Unchanged()
    {
        const string tagged = "Member of Parliament/B-ORG for Upper/B-LOC Bann/I-LOC .";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void OfComplement_In_Unchanged()
    {
        const string tagged = "the Enterprise/B-ORG Institute/I-ORG in Washington/B-LOC .";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.OfComplement));
    }

    [Fact]
    public void AndComplement_ShortComplementAndOneWord_OneOrg()
    {
        Assert.Equal(
            "Democratic/B-ORG Alliance/I-ORG of/I-ORG Slavonia/I-ORG and/I-ORG Baranja/I-ORG won",
            Repair("Democratic/B-ORG Alliance/I-ORG of/I-ORG Slavonia/I-ORG and Baranja/B-LOC won", TagRepair.Rules.AndComplement));
    }

    [Fact]
    public void AndComplement_TwoWordPlace_Unchanged()
    {
        const string tagged = "Food/B-ORG Standards/I-ORG of/I-ORG Australia/I-ORG and New/B-LOC Zealand/I-LOC said";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.AndComplement));
    }

    [Fact]
    public void AndComplement_Possessor_Unchanged()
    {
        const string tagged = "University/B-ORG of/I-ORG Birmingham/I-ORG and London/B-LOC 's Academy/B-ORG";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.AndComplement));
    }

    [Fact]
    public void AndComplement_NextNameHead_Unchanged()
    {
        const string tagged = "Principality/B-ORG of/I-ORG Svaneti/I-ORG and Principality of Abkhazia/B-LOC";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.AndComplement));
    }

    [Fact]
    public void AndComplement_SpanWithoutComplement_Unchanged()
    {
        const string tagged = "Labour/B-ORG Party/I-ORG and Likud/B-PER agreed";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.AndComplement));
    }

    [Fact]
    public void ForeignJoin_TwoOrgsAcrossForeignConnectors_OneOrg()
    {
        Assert.Equal(
            "the Parti/B-ORG des/I-ORG Réformes/I-ORG et/I-ORG des/I-ORG Libertés/I-ORG de/I-ORG Wallonie/I-ORG .",
            Repair("the Parti/B-ORG des/I-ORG Réformes/I-ORG et des Libertés/B-ORG de/I-ORG Wallonie/I-ORG .", TagRepair.Rules.ForeignJoin));
    }

    [Fact]
    public void ForeignJoin_ChainOfConnectors_OneOrg()
    {
        Assert.Equal(
            "Soqosoqo/B-ORG ni/I-ORG Vakavulewa/I-ORG ni/I-ORG Taukei/I-ORG won",
            Repair("Soqosoqo/B-ORG ni Vakavulewa/B-ORG ni Taukei won", TagRepair.Rules.ForeignJoin));
    }

    [Fact]
    public void ForeignJoin_EnglishAnd_Unchanged()
    {
        const string tagged = "Labour/B-ORG and Likud/B-ORG .";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.ForeignJoin));
    }

    [Fact]
    public void ForeignJoin_ConnectorBeforePlace_Unchanged()
    {
        const string tagged = "Ecolo/B-ORG de Paris/B-LOC .";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.ForeignJoin));
    }

    [Fact]
    public void Apply_NoRules_Unchanged()
    {
        const string tagged = "the Liberal/B-ORG Party/I-ORG of Canada/B-LOC and Quebec/B-LOC";
        Assert.Equal(tagged, Repair(tagged, TagRepair.Rules.None));
    }

    [Fact]
    public void Apply_AllRules_ComplementThenCoordination()
    {
        Assert.Equal(
            "Belarusian/B-ORG Liberal/I-ORG Party/I-ORG of/I-ORG Freedom/I-ORG and/I-ORG Progress/I-ORG .",
            Repair("Belarusian/B-ORG Liberal/I-ORG Party/I-ORG of Freedom/B-MISC and Progress/B-LOC .", TagRepair.Rules.All));
    }
}

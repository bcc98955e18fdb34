using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local;

/// <summary>One test per entity-resolution rule, through the whole embedded analyzer (tagger, rules, coreference).</summary>
public sealed class EntityResolutionRulesTests
{
    [Fact]
    public void Analyze_AcronymAndExpansion_AreOneOrganization()
    {
        var entities = Entities("The Democratic National Committee met in Philadelphia on Monday. Officials said the DNC would publish its platform in July.");

        var dnc = Assert.Single(entities, e => e.Mentions.Any(m => m.Text == "DNC"));
        Assert.Equal(("Organization", "Democratic National Committee"), (dnc.Category, dnc.Name));
        Assert.Contains(dnc.Mentions, m => m.Text == "Democratic National Committee");
    }

    [Fact]
    public void Analyze_TitleAndMiddleName_AreTheSamePerson()
    {
        var entities = Entities("Hillary Clinton spoke in Ohio on Monday. Secretary Clinton, who signs her books as Hillary Rodham Clinton, took questions from voters.");

        var clinton = Assert.Single(entities, e => e.Category == "Person" && e.Name.EndsWith("Clinton", StringComparison.Ordinal));
        Assert.Equal(3, clinton.Mentions.Count);
        Assert.DoesNotContain(clinton.Mentions, m => m.Text.StartsWith("Secretary", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_Possessive_IsAMentionOfThePersonWithoutIt()
    {
        var entities = Entities("Bernie Sanders spoke in Vermont on Friday. Sanders's aides said Sanders' campaign would go on.");

        var sanders = Assert.Single(entities, e => e.Category == "Person" && e.Name == "Bernie Sanders");
        Assert.Equal(3, sanders.Mentions.Count);
        Assert.All(sanders.Mentions, m => Assert.DoesNotContain("'", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_SurnameOnly_IsLinkedToTheFullNameOfTheArticle()
    {
        var entities = Entities("Maria Delgado announced her campaign for mayor on Tuesday. Delgado thanked volunteers, and critics said an inquiry into Delgado was overdue.");

        var delgado = Assert.Single(entities, e => e.Category == "Person");
        Assert.Equal("Maria Delgado", delgado.Name);
        Assert.Equal(3, delgado.Mentions.Count);
    }

    [Fact]
    public void Analyze_TwoPeopleSharingASurname_AreNotMerged()
    {
        var entities = Entities("Bill Clinton campaigned in Iowa for his wife. Hillary Clinton spoke in New Hampshire the same day.");

        Assert.Contains(entities, e => e.Category == "Person" && e.Name == "Bill Clinton");
        Assert.Contains(entities, e => e.Category == "Person" && e.Name == "Hillary Clinton");
    }

    [Fact]
    public void Analyze_NameRunIntoAHeadlineVerb_StopsAtTheName()
    {
        var entities = Entities("Trump Claims Victory In Iowa Caucus\n\nDonald Trump told supporters in Des Moines that he had won the state.");

        Assert.DoesNotContain(entities, e => e.Name.Contains("Claims", StringComparison.Ordinal));
        var trump = Assert.Single(entities, e => e.Name == "Donald Trump");
        Assert.Contains(trump.Mentions, m => m.Offset == 0 && m.Text == "Trump");
    }

    [Fact]
    public void Analyze_NameEndingInABuildingWord_IsAPlace()
    {
        var entities = Entities("Protesters gathered outside Trump Tower in Manhattan on Sunday, and the police closed Fifth Avenue.");

        Assert.Contains(entities, e => e.Category == "Location" && e.Name == "Trump Tower");
        Assert.DoesNotContain(entities, e => e.Category == "Person" && e.Name.Contains("Tower", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_AllCapsHeadline_IsCasedBeforeTagging()
    {
        var entities = Entities("OBAMA TO MEET MERKEL IN BERLIN\n\nPresident Barack Obama will meet Chancellor Angela Merkel in Berlin on Thursday, the White House said.");

        var obama = Assert.Single(entities, e => e.Name == "Barack Obama");
        Assert.Contains(obama.Mentions, m => m.Offset == 0 && m.Text == "OBAMA");
        Assert.Contains(entities.Single(e => e.Name == "Angela Merkel").Mentions, m => m.Text == "MERKEL");
    }

    [Fact]
    public void Analyze_NameEndingInAnOrganisationWord_IsAnOrganisationAndItsShortFormJoinsIt()
    {
        var entities = Entities("State regulators fined Brightwater Energy $48 million on Wednesday. Brightwater said it would appeal, the Philadelphia Inquirer reported.");

        var company = Assert.Single(entities, e => e.Name == "Brightwater Energy");
        Assert.Equal("Organization", company.Category);
        Assert.Contains(company.Mentions, m => m.Text == "Brightwater");
        Assert.Contains(entities, e => e.Category == "Organization" && e.Name == "Philadelphia Inquirer");
    }

    [Fact]
    public void Analyze_PlaceAfterPrepositionSharingAnOrganisationsFirstWord_StaysAPlace()
    {
        var entities = Entities("The Washington Post reported the vote on Tuesday. Lawmakers in Washington did not comment.");

        Assert.Contains(entities, e => e.Category == "Organization" && e.Name == "Washington Post" && e.Mentions.Count == 1);
        Assert.Contains(entities, e => e.Category == "Location" && e.Name == "Washington");
    }

    [Fact]
    public void Analyze_NumberAbbreviation_IsNoOrganisation()
    {
        var entities = Entities("\"The No. 1 goal must be to win in November,\" said Zac Petkanas.");

        Assert.DoesNotContain(entities, e => e.Category == "Organization");
    }

    private static IReadOnlyList<EntityResult> Entities(string text) => LocalTextAnalyzer.CreateDefault().Analyze(new AnalysisRequest(text)).Entities;
}

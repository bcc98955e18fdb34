using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Coreference;

public sealed class NameCoreferenceTests
{
    /// <summary>Builds mentions for the given phrases (first occurrence after the previous one) with a category.</summary>
    private sealed class DocumentBuilder(string text)
    {
        private readonly List<TextSpan> _tokens = Tokenizer.Tokenize(text);
        private readonly List<DetectedMention> _mentions = [];
        private int _from;

        public DocumentBuilder Mention(string phrase, string category = EntityCategories.Person)
        {
            var start = text.IndexOf(phrase, _from, StringComparison.Ordinal);
            Assert.True(start >= 0, phrase);
            _from = start + phrase.Length;
            var first = _tokens.FindIndex(t => t.Start == start);
            var end = _tokens.FindIndex(t => t.End == start + phrase.Length) + 1;
            _mentions.Add(new DetectedMention(start, phrase.Length, category, null, 0.9, 0, first, end));
            return this;
        }

        public List<EntityCluster> Resolve() => NameCoreference.Resolve(text, _tokens, _mentions);
    }

    [Fact]
    public void Resolve_SurnameTitleAndFirstName_JoinTheFullName()
    {
        var clusters = new DocumentBuilder("Sanders spoke. Sen. Bernie Sanders later said Bernie Sanders's plan and Bernie were fine.")
            .Mention("Sanders").Mention("Sen. Bernie Sanders").Mention("Bernie Sanders's").Mention("Bernie")
            .Resolve();
        var person = Assert.Single(clusters);
        Assert.Equal("Bernie Sanders", person.Name);
        Assert.Equal(4, person.Mentions.Count);
        Assert.Equal("Person", person.Category);
    }

    [Fact]
    public void Resolve_Possessive_StrippedFromCanonicalName()
    {
        var clusters = new DocumentBuilder("Hillary Clinton\u2019s campaign").Mention("Hillary Clinton\u2019s").Resolve();
        Assert.Equal("Hillary Clinton", Assert.Single(clusters).Name);
    }

    [Fact]
    public void Resolve_AmbiguousSurname_GoesToTheMoreFrequentFullName()
    {
        var clusters = new DocumentBuilder("Hillary Clinton won. Hillary Clinton spoke. Bill Clinton watched. Clinton smiled.")
            .Mention("Hillary Clinton").Mention("Hillary Clinton").Mention("Bill Clinton").Mention("Clinton")
            .Resolve();
        Assert.Equal(2, clusters.Count);
        Assert.Equal(3, clusters.Single(c => c.Name == "Hillary Clinton").Mentions.Count);
        Assert.Single(clusters.Single(c => c.Name == "Bill Clinton").Mentions);
    }

    [Fact]
    public void Resolve_AmbiguousSurnameTie_GoesToTheMostRecent()
    {
        var clusters = new DocumentBuilder("Hillary Clinton won. Bill Clinton watched. Clinton smiled.")
            .Mention("Hillary Clinton").Mention("Bill Clinton").Mention("Clinton")
            .Resolve();
        Assert.Equal(2, clusters.Single(c => c.Name == "Bill Clinton").Mentions.Count);
    }

    [Fact]
    public void Resolve_SurnameTaggedAsOrganization_BecomesThePerson()
    {
        var clusters = new DocumentBuilder("Joe Biden spoke. Biden left.")
            .Mention("Joe Biden").Mention("Biden", EntityCategories.Organization)
            .Resolve();
        Assert.Equal("Joe Biden", Assert.Single(clusters).Name);
    }

    [Fact]
    public void Resolve_OrganizationAcronym_JoinsTheFullName()
    {
        var clusters = new DocumentBuilder("The National Rifle Association said the NRA and the Democratic Party disagree.")
            .Mention("National Rifle Association", EntityCategories.Organization)
            .Mention("NRA", EntityCategories.Organization)
            .Mention("Democratic Party", EntityCategories.Organization)
            .Resolve();
        Assert.Equal(2, clusters.Count);
        Assert.Equal(2, clusters.Single(c => c.Name == "National Rifle Association").Mentions.Count);
    }

    [Fact]
    public void Resolve_DifferentPeople_StaySeparate()
    {
        var clusters = new DocumentBuilder("Bernie Sanders and Elizabeth Warren met.")
            .Mention("Bernie Sanders").Mention("Elizabeth Warren").Resolve();
        Assert.Equal(["Bernie Sanders", "Elizabeth Warren"], clusters.Select(c => c.Name));
    }

    [Fact]
    public void Resolve_QuestionHeadlinePerson_TrimmedToContainedFullName()
    {
        var clusters = new DocumentBuilder("Will Bernie Sanders Win Iowa\n\nBernie Sanders spoke to voters.")
            .Mention("Will Bernie Sanders").Mention("Bernie Sanders")
            .Resolve();
        var person = Assert.Single(clusters);
        Assert.Equal("Bernie Sanders", person.Name);
        Assert.Equal(2, person.Mentions.Count);
        Assert.Equal("Bernie Sanders", "Will Bernie Sanders Win Iowa".Substring(person.Mentions[0].Start, person.Mentions[0].Length));
    }

    [Fact]
    public void Resolve_HeadlineRunOnAfterName_TrimmedToContainedFullName()
    {
        var clusters = new DocumentBuilder("Victor Hale Faces Growing Scandal Over Donations\n\nSenator Victor Hale declined.")
            .Mention("Victor Hale Faces Growing Scandal Over Donations").Mention("Victor Hale")
            .Resolve();
        var person = Assert.Single(clusters);
        Assert.Equal("Victor Hale", person.Name);
        Assert.Equal(11, person.Mentions[0].Length);
    }

    [Fact]
    public void Resolve_MiddleNameForm_KeptWhole()
    {
        var clusters = new DocumentBuilder("Hillary Rodham Clinton spoke. Hillary Clinton left.")
            .Mention("Hillary Rodham Clinton").Mention("Hillary Clinton")
            .Resolve();
        Assert.Equal("Hillary Rodham Clinton", Assert.Single(clusters).Name);
    }

    [Fact]
    public void Resolve_SurnameTaggedAsConfidentLocation_JoinsThePerson()
    {
        var text = "Victor Hale faces questions. Hale refused to answer.";
        var tokens = Tokenizer.Tokenize(text);
        var hale = text.LastIndexOf("Hale", StringComparison.Ordinal);
        var haleToken = tokens.FindIndex(t => t.Start == hale);
        var mentions = new List<DetectedMention>
        {
            new(0, 11, EntityCategories.Person, null, 0.9, 0, 0, 2),
            new(hale, 4, EntityCategories.Location, null, 0.95, 1, haleToken, haleToken + 1),
        };
        var person = Assert.Single(NameCoreference.Resolve(text, tokens, mentions));
        Assert.Equal("Victor Hale", person.Name);
        Assert.All(person.Mentions, m => Assert.Equal(EntityCategories.Person, m.Category));
    }

    [Fact]
    public void Resolve_SurnameLocationAfterPlacePreposition_StaysLocation()
    {
        var text = "Victor Hale faces questions. He lives in Hale now.";
        var tokens = Tokenizer.Tokenize(text);
        var hale = text.LastIndexOf("Hale", StringComparison.Ordinal);
        var haleToken = tokens.FindIndex(t => t.Start == hale);
        var mentions = new List<DetectedMention>
        {
            new(0, 11, EntityCategories.Person, null, 0.9, 0, 0, 2),
            new(hale, 4, EntityCategories.Location, null, 0.95, 1, haleToken, haleToken + 1),
        };
        var clusters = NameCoreference.Resolve(text, tokens, mentions);
        Assert.Equal(2, clusters.Count);
        Assert.Contains(clusters, c => c is { Category: "Location", Name: "Hale" });
    }
}

using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class EntityRecognizerTests
{
    private const string Article =
        "Sanders Rallies Supporters in Iowa\n\n" +
        "Sen. Bernie Sanders told supporters in Des Moines on Tuesday that the Democratic Party must change. " +
        "Sanders, 79, said 52% of voters agreed. Hillary Clinton did not respond, and Clinton\u2019s aides declined to comment.";

    private static List<EntityCluster> Analyze(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        return NameCoreference.Resolve(text, tokens, EntityRecognizer.Default.Find(text, tokens, sentences));
    }

    [Fact]
    public void Find_NewsArticle_PeopleCoreferredAndRulesApplied()
    {
        var clusters = Analyze(Article);
        var sanders = clusters.Single(c => c.Name == "Bernie Sanders");
        Assert.Equal("Person", sanders.Category);
        Assert.True(sanders.Mentions.Count >= 3);
        Assert.Contains(clusters, c => c.Name == "Hillary Clinton" && c.Mentions.Count == 2);
        Assert.Contains(clusters, c => c is { Category: "DateTime", Name: "Tuesday" });
        Assert.Contains(clusters, c => c is { Category: "Quantity", Subcategory: "Percentage", Name: "52%" });
        Assert.Contains(clusters, c => c is { Category: "PersonType", Name: "supporters" });
        foreach (var m in clusters.SelectMany(c => c.Mentions))
        {
            Assert.InRange(m.Confidence, 0, 1);
            Assert.True(m.End <= Article.Length);
        }
    }

    [Fact]
    public void Find_SameInput_IdenticalOutput()
    {
        var a = Analyze(Article);
        var b = Analyze(Article);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Name, b[i].Name);
            Assert.Equal(a[i].Category, b[i].Category);
            Assert.Equal(a[i].Mentions, b[i].Mentions);
        }
    }

    [Fact]
    public async Task Find_ConcurrentCalls_SameResultAsSequential()
    {
        var expected = Analyze(Article).Select(c => c.Name + "|" + c.Mentions.Count).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Analyze(Article).Select(c => c.Name + "|" + c.Mentions.Count).ToList())));
        foreach (var r in results)
        {
            Assert.Equal(expected, r);
        }
    }

    [Fact]
    public void Find_TitleCaseHeadline_PersonCutToNameConfirmedByTheBody()
    {
        var text = "Senator Victor Hale Faces Growing Scandal Over Donations\n\n" +
            "Victor Hale, a senator from Ohio, refused to answer questions on Monday. Hale said the donations were legal.";
        var clusters = Analyze(text);
        var hale = clusters.Single(c => c.Category == "Person" && c.Name == "Victor Hale");
        Assert.True(hale.Mentions.Count >= 3);
        Assert.DoesNotContain(clusters, c => c.Name.Contains("Scandal", StringComparison.Ordinal) && c.Category == "Person");
        Assert.DoesNotContain(clusters, c => c is { Category: "Location", Name: "Hale" });
    }

    [Fact]
    public void Find_PossessiveInTitleCaseHeadline_PersonEndsAtPossessive()
    {
        var text = "Bernie Sanders' People Have A Plan\n\nBernie Sanders told voters in Iowa that his plan would work.";
        var clusters = Analyze(text);
        var sanders = clusters.Single(c => c.Category == "Person" && c.Name == "Bernie Sanders");
        Assert.Equal(2, sanders.Mentions.Count);
        Assert.DoesNotContain(clusters, c => c.Name.Contains("People", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_QuestionHeadline_PersonWithoutLeadingVerb()
    {
        var text = "Will Bernie Sanders Win The Iowa Caucus?\n\nBernie Sanders is leading in the polls, aides said.";
        var clusters = Analyze(text);
        var sanders = clusters.Single(c => c.Category == "Person" && c.Name == "Bernie Sanders");
        Assert.Equal(2, sanders.Mentions.Count);
        Assert.DoesNotContain(clusters, c => c.Name.StartsWith("Will", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_TitleCaseHeadline_PersonCutAtSurnameTheBodyUses()
    {
        var text = "Bernie Sanders Wins Big In Iowa Caucus Upset\n\nSanders thanked supporters in Des Moines on Monday night.";
        var clusters = Analyze(text);
        var sanders = clusters.Single(c => c.Category == "Person" && c.Name == "Bernie Sanders");
        Assert.Equal(text.IndexOf("Bernie", StringComparison.Ordinal), sanders.Mentions[0].Start);
        Assert.DoesNotContain(clusters, c => c.Name.Contains("Wins", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_TitleCaseHeadline_UnconfirmedHeadlineWordsAreNoEntity()
    {
        var text = "Residents Cheer As Ferry Service Returns To Old Harbor\n\nFerry service resumed on Friday after two years. " +
            "Officials said the harbor would reopen fully next month.";
        var clusters = Analyze(text);
        Assert.DoesNotContain(clusters, c => c.Name.Contains("Cheer", StringComparison.Ordinal));
        Assert.Contains(clusters, c => c is { Category: "DateTime", Name: "Friday" });
    }

    [Theory]
    [InlineData("Senator Victor Hale Faces Growing Scandal Over Donations", true)]
    [InlineData("Will Bernie Sanders Win the Iowa Caucus?", true)]
    [InlineData("Bernie Sanders met Hillary Clinton in New York on Tuesday.", false)]
    public void IsTitleCase_Sentence_DetectsHeadlineCapitalisation(string sentence, bool expected)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        Assert.Equal(expected, EntityRecognizer.IsTitleCase(sentence, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)));
    }
}

using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class RuleEntitiesTests
{
    private static List<(string Text, string Category, string? Sub)> Find(string text)
    {
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var found = new List<DetectedMention>();
        RuleEntities.Find(text, tokens, 0, tokens.Length, 0, new bool[tokens.Length], found);
        return found.Select(m => (text.Substring(m.Start, m.Length), m.Category, m.Subcategory)).ToList();
    }

    [Theory]
    [InlineData("Tuesday")]
    [InlineData("Sept.")]
    [InlineData("yesterday")]
    [InlineData("three")]
    [InlineData("12")]
    [InlineData("$")]
    [InlineData("US$")]
    [InlineData("voters")]
    public void MayStart_WordThatBeginsARule_True(string word) => Assert.True(RuleEntities.MayStart(word));

    [Theory]
    [InlineData("the")]
    [InlineData("budget")]
    [InlineData("Sanders")]
    public void MayStart_OrdinaryWord_False(string word) => Assert.False(RuleEntities.MayStart(word));

    [Fact]
    public void MayStart_EveryListedRoleAndTimeWord_True()
    {
        foreach (var word in WordLists.Months.Keys.Concat(WordLists.Weekdays).Concat(WordLists.RelativeDays)
            .Concat(WordLists.RelativeModifiers).Concat(WordLists.NumberWords.Keys).Concat(WordLists.PersonTypes))
        {
            Assert.True(RuleEntities.MayStart(word.Split(' ')[0]), word);
        }
    }

    [Fact]
    public void Find_TwoWordRole_FoundThroughItsFirstWord()
    {
        var twoWord = WordLists.PersonTypes.FirstOrDefault(p => p.Contains(' ', StringComparison.Ordinal));
        Assert.NotNull(twoWord);
        Assert.Contains((twoWord, "PersonType", (string?)null), Find($"The {twoWord} spoke ."));
    }

    [Fact]
    public void Find_Dates_RecognisesMonthsWeekdaysYears()
    {
        var found = Find("On Tuesday, Nov. 3, 2020 voters went out; in November and in 2016 too, and last week.");
        Assert.Contains(("Tuesday, Nov. 3, 2020", "DateTime", "Date"), found);
        Assert.Contains(("November", "DateTime", "Date"), found);
        Assert.Contains(("2016", "DateTime", "Date"), found);
        Assert.Contains(("last week", "DateTime", "Date"), found);
    }

    [Fact]
    public void Find_MayAsVerb_IsNotADate()
    {
        var found = Find("He May run again, she said in May.");
        Assert.Single(found, f => f.Category == "DateTime");
        Assert.Contains(("May", "DateTime", "Date"), found);
    }

    [Fact]
    public void Find_Quantities_NamedAsAzureSubcategories()
    {
        var found = Find("The 70-year-old raised $2.5 million, 52% of donors, 1,200 people, and 30 percent more.");
        Assert.Contains(("70-year-old", "Quantity", "Age"), found);
        Assert.Contains(("$2.5 million", "Quantity", "Currency"), found);
        Assert.Contains(("52%", "Quantity", "Percentage"), found);
        Assert.Contains(("1,200", "Quantity", "Number"), found);
        Assert.Contains(("30 percent", "Quantity", "Percentage"), found);
    }

    [Fact]
    public void Find_RoleNouns_ArePersonTypeButTitlesBeforeNamesAreNot()
    {
        var found = Find("The senator and his aides met supporters before President Biden arrived.");
        Assert.Contains(("senator", "PersonType", null), found);
        Assert.Contains(("aides", "PersonType", null), found);
        Assert.Contains(("supporters", "PersonType", null), found);
        Assert.DoesNotContain(found, f => f.Text == "President");
    }

    [Fact]
    public void Find_TakenTokens_AreSkipped()
    {
        const string text = "In 2016 voters";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var found = new List<DetectedMention>();
        RuleEntities.Find(text, tokens, 0, tokens.Length, 0, [false, true, false], found);
        Assert.DoesNotContain(found, m => m.Category == "DateTime");
    }
}

public sealed class RuleEntitiesWordPropertiesTests
{
    [Theory]
    [InlineData("On Tuesday, 3 November 2020, the senator said 42 percent of voters aged 18 backed a $ 2.5 million plan.")]
    [InlineData("Three years ago the president met two ministers in May, at 10:30 am, in the 1990s.")]
    [InlineData("The Chief Executive and a spokeswoman spoke yesterday to 1,200 teachers for the third time.")]
    public void Find_WithWordProperties_SameMentionsAsLookingWordsUp(string text)
    {
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var words = tokens.Select(t => WordProperties.Of(text.AsSpan(t.Start, t.Length), FeatureHash.Of(text.AsSpan(t.Start, t.Length)))).ToArray();
        var taken = new bool[tokens.Length];
        taken[1] = true;
        var looked = new List<DetectedMention>();
        var cached = new List<DetectedMention>();

        RuleEntities.Find(text, tokens, 0, tokens.Length, 0, taken, looked);
        RuleEntities.Find(text, tokens, 0, tokens.Length, 0, taken, cached, words);

        Assert.NotEmpty(looked);
        Assert.Equal(looked, cached);
        for (var i = 0; i < tokens.Length; i++)
        {
            Assert.Equal(RuleEntities.MayStart(text.AsSpan(tokens[i].Start, tokens[i].Length)), words[i].MayStartRule);
        }
    }
}

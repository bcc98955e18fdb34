using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>The VADER rules, on the plain embedded lexicon (no news adaptation) so each rule is seen alone.</summary>
public sealed class VaderScorerTests
{
    private static readonly VaderLexicon Lexicon = VaderLexicon.LoadBase();

    private static VaderScore Score(string sentence)
    {
        var ws = new SentimentWorkspace();
        SentenceTokenizer.Tokenize(sentence, Lexicon, ws);
        return VaderScorer.Score(ws, Lexicon);
    }

    [Fact]
    public void Score_NeutralSentence_IsZero()
    {
        var score = Score("The committee meets on Tuesday in the town hall.");

        Assert.Equal(0f, score.Compound);
        Assert.Equal(1f, score.Neutral);
    }

    [Fact]
    public void Score_PositiveWord_IsPositive() => Assert.True(Score("The plan is good.").Compound > 0.3f);

    [Theory]
    [InlineData("The plan is not good.")]
    [InlineData("The plan isn't good.")]
    [InlineData("The plan isn’t good.")]
    [InlineData("The plan is never good.")]
    [InlineData("The plan hardly looks good.")]
    public void Score_NegatedPositive_FlipsToNegative(string sentence) => Assert.True(Score(sentence).Compound < 0, sentence);

    [Fact]
    public void Score_NegationThreeWordsBack_StillFlips() => Assert.True(Score("It was not a very good plan.").Compound < 0);

    [Fact]
    public void Score_Booster_RaisesIntensity() =>
        Assert.True(Score("The plan is extremely good.").Compound > Score("The plan is good.").Compound);

    [Fact]
    public void Score_Dampener_LowersIntensity() =>
        Assert.True(Score("The plan is somewhat good.").Compound < Score("The plan is good.").Compound);

    [Fact]
    public void Score_BoosterOnNegative_MakesItMoreNegative() =>
        Assert.True(Score("The plan is really bad.").Compound < Score("The plan is bad.").Compound);

    [Fact]
    public void Score_But_ShiftsWeightToSecondClause()
    {
        Assert.True(Score("The staff was great and the food was bad.").Compound > 0);
        Assert.True(Score("The staff was great, but the food was bad.").Compound < 0);
    }

    [Fact]
    public void Score_AllCapsWordAmongLowerCase_IsEmphasized() =>
        Assert.True(Score("The plan is GOOD.").Compound > Score("The plan is good.").Compound);

    [Fact]
    public void Score_WholeSentenceInCaps_IsNotEmphasized() =>
        Assert.Equal(Score("the plan is good").Compound, Score("THE PLAN IS GOOD").Compound);

    [Fact]
    public void Score_ExclamationMarks_Amplify()
    {
        Assert.True(Score("The plan is good!!").Compound > Score("The plan is good").Compound);
        Assert.True(Score("The plan is bad!!").Compound < Score("The plan is bad").Compound);
    }

    [Fact]
    public void Score_SeveralQuestionMarks_Amplify() =>
        Assert.True(Score("The plan is good??").Compound > Score("The plan is good?").Compound);

    [Fact]
    public void Score_Least_Negates() => Assert.True(Score("This is the least good plan.").Compound < 0);

    [Fact]
    public void Score_AtLeast_DoesNotNegate() => Assert.True(Score("It was at least good.").Compound > 0);

    [Fact]
    public void Score_NoBeforeLexiconWord_NegatesIt() =>
        Assert.True(Score("There was no great plan.").Compound < 0);

    [Theory]
    [InlineData("That was the kiss of death for the bill.")]
    [InlineData("The city budget is in the red.")]
    public void Score_NegativeIdiom_IsNegative(string sentence) => Assert.True(Score(sentence).Compound < 0, sentence);

    [Fact]
    public void Score_InflectedForm_UsesBaseValence()
    {
        Assert.True(Lexicon.Lookup("looked").Flags == WordFlags.None);
        Assert.True(Lexicon.Lookup("bribed").Has(WordFlags.InLexicon));
        Assert.Equal(Lexicon.Lookup("bribe").Valence, Lexicon.Lookup("bribed").Valence);
        Assert.False(Lexicon.Lookup("hardly").Has(WordFlags.InLexicon));
    }

    [Fact]
    public void Score_Proportions_SumToOne()
    {
        var score = Score("The good plan failed badly, but the team was proud!");

        Assert.Equal(1f, score.Positive + score.Negative + score.Neutral, 3);
    }

    [Fact]
    public void Normalize_UsesAlphaFifteen()
    {
        Assert.Equal(4 / MathF.Sqrt(31), VaderScorer.Normalize(4), 5);
        Assert.Equal(-4 / MathF.Sqrt(31), VaderScorer.Normalize(-4), 5);
    }

    [Fact]
    public void Tokenize_StripsQuotesAndRecordsClauseEnds()
    {
        var ws = new SentimentWorkspace();
        SentenceTokenizer.Tokenize("“Great,” she said.", Lexicon, ws);

        Assert.Equal(3, ws.Count);
        Assert.Equal("great", new string(ws.Lower.AsSpan(ws.Tokens[0].Start, ws.Tokens[0].Length)));
        Assert.True(ws.Tokens[0].Has(TokenFlags.QuoteBefore));
        Assert.True(ws.Tokens[0].Has(TokenFlags.QuoteAfter));
        Assert.True(ws.Tokens[0].Has(TokenFlags.ClauseEnd));
        Assert.True(ws.Tokens[2].Has(TokenFlags.StopAfter));
    }
}

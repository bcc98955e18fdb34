using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Core.Analysis;
using SentimentLabel = Pipeline.Core.Analysis.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

public sealed class TargetedSentimentTests
{
    private static readonly SentimentAnalyzer Analyzer = SentimentAnalyzer.CreateDefault();

    private static SentimentScores Toward(string sentence, string target, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = sentence.IndexOf(target, start + 1, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"'{target}' not in '{sentence}'");
        return Analyzer.ScoreTarget(sentence, 0, sentence.Length, start, target.Length);
    }

    [Fact]
    public void ScoreTarget_PraisedObject_IsPositive() =>
        Assert.Equal(SentimentLabel.Positive, Toward("Colleagues praised Martinez for her courage and honesty.", "Martinez").Label);

    [Fact]
    public void ScoreTarget_AttackedInPassive_IsNegative() =>
        Assert.Equal(SentimentLabel.Negative, Toward("Martinez was fiercely attacked by critics who called her a liar.", "Martinez").Label);

    [Fact]
    public void ScoreTarget_NeutralReport_IsNeutral() =>
        Assert.Equal(SentimentLabel.Neutral, Toward("Martinez will travel to Ohio on Tuesday, her office said.", "Martinez").Label);

    [Theory]
    [InlineData("Okafor won praise for his honesty, while Brandt was convicted of fraud.")]
    [InlineData("Okafor is a hero to his supporters, and Brandt is a disgraced fraudster.")]
    public void ScoreTarget_TwoTargetsOppositeClauses_GetDifferentLabels(string sentence)
    {
        var okafor = Toward(sentence, "Okafor");
        var brandt = Toward(sentence, "Brandt");

        Assert.Equal(SentimentLabel.Positive, okafor.Label);
        Assert.Equal(SentimentLabel.Negative, brandt.Label);
    }

    // Known limit: when the sentence as a whole is strongly negative, both targets may get the negative label;
    // the target-aware features still rank the praised target above the convicted one.
    [Theory]
    [InlineData("Voters admire Okafor for his honesty, while Brandt was convicted of fraud and bribery.")]
    [InlineData("Okafor thanked the volunteers warmly, but Brandt was arrested and charged with fraud.")]
    public void ScoreTarget_TwoTargetsInNegativeSentence_PraisedOneRanksHigher(string sentence) =>
        Assert.True(Toward(sentence, "Okafor").Polarity > Toward(sentence, "Brandt").Polarity + 0.1);

    [Fact]
    public void ScoreTarget_Scores_SumToOne()
    {
        var scores = Toward("Critics said Martinez had failed the city.", "Martinez");

        Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 6);
    }

    [Fact]
    public void ScoreTarget_SentenceInsideDocument_MatchesSentenceAlone()
    {
        const string sentence = "Colleagues praised Martinez for her courage.";
        var document = "It rained. " + sentence;

        var alone = Toward(sentence, "Martinez");
        var inDocument = Analyzer.ScoreTarget(document, 11, sentence.Length, 11 + sentence.IndexOf("Martinez", StringComparison.Ordinal), 8);

        Assert.Equal(alone, inDocument);
    }

    [Fact]
    public void ScoreTarget_MultiWordTargetAndPossessive_MapToTokens()
    {
        var ws = new SentimentWorkspace();
        SentenceTokenizer.Tokenize("Yesterday Anna Maria Okafor's office said so.", VaderLexicon.Default, ws);

        Assert.Equal((1, 4), SentimentAnalyzer.TargetTokens(ws, 10, "Anna Maria Okafor".Length));
    }

    [Fact]
    public void ScoreTargets_SeveralTargetsInOneSentence_SameAsOneAtATime()
    {
        const string text = "Intro line. Critics praised Martinez but attacked Hale for the scandal, while Ohio voters shrugged.";
        var sentenceStart = text.IndexOf("Critics", StringComparison.Ordinal);
        var sentenceLength = text.Length - sentenceStart;
        var targets = new[] { "Martinez", "Hale", "Ohio" }
            .Select(t => new Pipeline.Analysis.Local.Text.TextSpan(text.IndexOf(t, StringComparison.Ordinal), t.Length))
            .ToArray();
        var batch = new SentimentScores[targets.Length];

        // The linear model: batching must not change its scores (the target networks read where the other targets
        // are, by design: TargetNetTests).
        var linear = Analyzer.WithTargetNet(null);
        linear.ScoreTargets(text, sentenceStart, sentenceLength, targets, batch);
        for (var i = 0; i < targets.Length; i++)
        {
            Assert.Equal(linear.ScoreTarget(text, sentenceStart, sentenceLength, targets[i].Start, targets[i].Length), batch[i]);
        }

        Assert.NotEqual(batch[0], batch[1]);
    }
}

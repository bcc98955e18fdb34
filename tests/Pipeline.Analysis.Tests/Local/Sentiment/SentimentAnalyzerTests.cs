using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Core.Analysis;
using SentimentLabel = Pipeline.Core.Analysis.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

public sealed class SentimentAnalyzerTests
{
    private static readonly SentimentAnalyzer Analyzer = SentimentAnalyzer.CreateDefault();

    private static readonly string[] Sentences =
    [
        "The mayor opened the new library on Monday.",
        "Residents praised the wonderful new park and thanked the volunteers.",
        "The senator was accused of fraud and bribery in a damning report.",
        "It was not a terrible outcome, but nobody was happy about it!",
        "WOW, what an AMAZING win for the team!!!",
        "",
        "   ",
        "“…”",
    ];

    private static SentimentScores Sentence(string s) => Analyzer.ScoreSentence(s, 0, s.Length);

    [Fact]
    public void CreateDefault_CalledTwice_ReturnsTheSameLoadedInstance() =>
        Assert.Same(SentimentAnalyzer.CreateDefault(), SentimentAnalyzer.CreateDefault());

    [Fact]
    public void ScoreSentence_AnySentence_ScoresSumToOneAndLabelIsArgmax()
    {
        foreach (var s in Sentences)
        {
            var scores = Sentence(s);
            Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 6);
            var max = Math.Max(scores.Positive, Math.Max(scores.Neutral, scores.Negative));
            var expected = scores.Positive == max && scores.Positive > scores.Neutral ? SentimentLabel.Positive
                : scores.Negative == max && scores.Negative > scores.Neutral ? SentimentLabel.Negative
                : SentimentLabel.Neutral;
            Assert.Equal(expected, scores.Label);
        }
    }

    [Fact]
    public void ScoreSentence_FactualSentence_IsNeutral() =>
        Assert.Equal(SentimentLabel.Neutral, Sentence("The council will meet on Tuesday to discuss the budget.").Label);

    [Fact]
    public void ScoreSentence_PraisingSentence_IsPositive() =>
        Assert.Equal(SentimentLabel.Positive, Sentence("Residents praised the wonderful new park and thanked the volunteers.").Label);

    [Fact]
    public void ScoreSentence_AccusingSentence_IsNegative() =>
        Assert.Equal(SentimentLabel.Negative, Sentence("The senator was accused of fraud and bribery in a damning report.").Label);

    [Fact]
    public void ScoreSentence_Negation_LowersPolarity() =>
        Assert.True(Sentence("The reform was not a success.").Polarity < Sentence("The reform was a success.").Polarity);

    [Fact]
    public void ScoreSentence_EmptyOrPunctuation_IsNeutral()
    {
        Assert.Equal(SentimentScores.NeutralOnly, Sentence(""));
        Assert.Equal(SentimentScores.NeutralOnly, Sentence("   "));
    }

    [Fact]
    public void ScoreSentence_SentenceInsideDocument_MatchesSentenceAlone()
    {
        const string sentence = "Residents praised the wonderful new park.";
        var document = "The mayor spoke. " + sentence + " Then it rained.";

        Assert.Equal(Sentence(sentence), Analyzer.ScoreSentence(document, 17, sentence.Length));
    }

    [Fact]
    public void ScoreSentence_RepeatedAndParallel_IsDeterministic()
    {
        var first = Sentences.Select(Sentence).ToArray();
        var parallel = new SentimentScores[Sentences.Length][];
        Parallel.For(0, 8, i => parallel[i % Sentences.Length] = Sentences.Select(Sentence).ToArray());

        Assert.Equal(first, Sentences.Select(Sentence).ToArray());
        foreach (var run in parallel.Where(r => r is not null))
        {
            Assert.Equal(first, run);
        }

        var fresh = new SentimentAnalyzer(VaderLexicon.Default, LoadModel("sentence-model.bin"), LoadModel("target-model.bin"), SentimentAnalyzer.SentenceModelWeight, VaderLexicon.SentenceDefault);
        Assert.Equal(first, Sentences.Select(s => fresh.ScoreSentence(s, 0, s.Length)).ToArray());
    }

    [Fact]
    public void ScoreSentence_SeparateSentenceLexicon_UsesSentenceValences()
    {
        // Same models, lexicons that disagree on one word: sentences follow the sentence lexicon, targets the other.
        const string text = "The committee called the plan splendid.";
        var mild = LexiconWith("splendid", 0f);
        var strong = LexiconWith("splendid", 3f);
        var sentenceModel = LoadModel("sentence-model.bin");
        var targetModel = LoadModel("target-model.bin");
        var analyzer = new SentimentAnalyzer(strong, sentenceModel, targetModel, SentimentAnalyzer.SentenceModelWeight, mild);
        var mildOnly = new SentimentAnalyzer(mild, sentenceModel, targetModel);
        var strongOnly = new SentimentAnalyzer(strong, sentenceModel, targetModel);

        Assert.True(strongOnly.ScoreSentence(text, 0, text.Length).Polarity > mildOnly.ScoreSentence(text, 0, text.Length).Polarity);
        Assert.Equal(mildOnly.ScoreSentence(text, 0, text.Length), analyzer.ScoreSentence(text, 0, text.Length));
        Assert.Equal(strongOnly.ScoreTarget(text, 0, text.Length, 4, 9), analyzer.ScoreTarget(text, 0, text.Length, 4, 9));
    }

    [Fact]
    public void SentenceDefault_EmbeddedResources_DiffersFromTargetLexiconOnSomeNewsWord()
    {
        // The two embedded news-valence tables are learned with different strengths; a word both adapt shows it.
        var words = new[] { "party", "united", "support", "attack", "win", "crisis", "killed", "good", "bad", "war" };
        Assert.Contains(words, w => VaderLexicon.SentenceDefault.Lookup(w).Valence != VaderLexicon.Default.Lookup(w).Valence);
        Assert.All(words, w => Assert.Equal(VaderLexicon.Default.Lookup(w).Flags, VaderLexicon.SentenceDefault.Lookup(w).Flags));
    }

    [Fact]
    public void LinearModel_WriteThenRead_KeepsWeights()
    {
        var model = LoadModel("target-model.bin");
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        Assert.Equal(model.Weights, LinearModel.Read(stream).Weights);
    }

    private static VaderLexicon LexiconWith(string word, float valence) =>
        VaderLexicon.LoadBase(new Dictionary<string, float>(StringComparer.Ordinal) { [word] = valence });

    private static LinearModel LoadModel(string name)
    {
        using var stream = typeof(SentimentAnalyzer).Assembly.GetManifestResourceStream("Pipeline.Analysis.Sentiment." + name)!;
        return LinearModel.Read(stream);
    }
}

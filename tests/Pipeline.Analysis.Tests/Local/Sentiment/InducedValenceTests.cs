using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>Induced valences (word-vector lexicon induction): loading, the name guard and their effect on sentence scores.</summary>
public sealed class InducedValenceTests
{
    private static readonly VaderLexicon Plain = VaderLexicon.LoadBase();

    private static VaderLexicon WithInduced(string word, float valence, float weight = 1f) =>
        VaderLexicon.LoadBase(induced: new Dictionary<string, float>(StringComparer.Ordinal) { [word] = valence }, inducedWeight: weight);

    private static VaderScore Vader(string sentence, VaderLexicon lexicon)
    {
        var ws = SentimentWorkspace.Current;
        SentenceTokenizer.Tokenize(sentence, lexicon, ws);
        return VaderScorer.Score(ws, lexicon);
    }

    [Fact]
    public void Load_InducedWord_AddsScaledValenceFlaggedInduced()
    {
        using var reader = new StringReader("good\t1.9\t0.9\t[2, 2]\n");
        var lexicon = VaderLexicon.Load(reader, induced: new Dictionary<string, float>(StringComparer.Ordinal) { ["barbaric"] = -1.2f, ["good"] = 3f }, inducedWeight: 0.5f);

        var barbaric = lexicon.Lookup("barbaric");
        Assert.Equal(-0.6f, barbaric.Valence, 5);
        Assert.True(barbaric.Has(WordFlags.InLexicon));
        Assert.True(barbaric.Has(WordFlags.Induced));
        Assert.Equal(1.9f, lexicon.Lookup("good").Valence, 5);
        Assert.False(lexicon.Lookup("good").Has(WordFlags.Induced));
    }

    [Fact]
    public void Load_InducedRuleWord_KeepsItsRule()
    {
        var lexicon = WithInduced("hardly", 2f);

        var hardly = lexicon.Lookup("hardly");
        Assert.True(hardly.Has(WordFlags.Negation));
        Assert.False(hardly.Has(WordFlags.Induced));
        Assert.Equal(0f, hardly.Valence);
    }

    [Fact]
    public void ReadInduced_EmbeddedResource_AddsOnlyWordsVaderLacks()
    {
        var induced = VaderLexicon.ReadInduced();

        Assert.True(induced.Count > 1000, $"only {induced.Count} induced words");
        Assert.All(induced.Keys.Take(500), w => Assert.Equal(WordFlags.None, Plain.Lookup(w).Flags));
        Assert.All(induced.Values, v => Assert.InRange(Math.Abs(v), 0.4f, 4f));
    }

    [Fact]
    public void SentenceDefault_InducedWord_CountsForSentencesNotForTargets()
    {
        var word = VaderLexicon.ReadInduced().OrderBy(p => p.Value).First().Key;

        Assert.True(VaderLexicon.SentenceDefault.Lookup(word).Has(WordFlags.Induced));
        Assert.True(VaderLexicon.SentenceDefault.Lookup(word).Valence < 0);
        Assert.Equal(WordFlags.None, VaderLexicon.Default.Lookup(word).Flags);
    }

    [Fact]
    public void Score_InducedWord_CarriesValenceAndNegation()
    {
        var lexicon = WithInduced("barbaric", -2f);

        Assert.Equal(0f, Vader("The regime is barbaric.", Plain).Sum);
        Assert.True(Vader("The regime is barbaric.", lexicon).Sum < 0);
        Assert.True(Vader("The regime is not barbaric.", lexicon).Sum > 0);
    }

    [Fact]
    public void Score_InducedWordCapitalizedInsideSentence_IsTreatedAsName()
    {
        var lexicon = WithInduced("rampart", -2f);

        Assert.Equal(0f, Vader("Officers from Rampart testified on Monday.", lexicon).Sum);
        Assert.True(Vader("Rampart officers testified on Monday.", lexicon).Sum < 0);
        Assert.True(Vader("Officers described a rampart of lies.", lexicon).Sum < 0);
    }

    [Fact]
    public void ScoreSentence_InducedNegativeWord_LowersPolarity()
    {
        const string text = "The committee called the conduct barbaric.";
        var withInduced = new SentimentAnalyzer(Plain, LoadModel("sentence-model.bin"), LoadModel("target-model.bin"), SentimentAnalyzer.SentenceModelWeight, WithInduced("barbaric", -2f));
        var without = new SentimentAnalyzer(Plain, LoadModel("sentence-model.bin"), LoadModel("target-model.bin"));

        Assert.True(withInduced.ScoreSentence(text, 0, text.Length).Polarity < without.ScoreSentence(text, 0, text.Length).Polarity);
    }

    private static LinearModel LoadModel(string name)
    {
        using var stream = typeof(SentimentAnalyzer).Assembly.GetManifestResourceStream("Pipeline.Analysis.Sentiment." + name)!;
        return LinearModel.Read(stream);
    }
}

using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

public sealed class WordClassesTests
{
    private const int Dimensions = WordClassTableBuilder.Dimensions;

    [Fact]
    public void WriteRead_SmallTable_RoundTripsClassesAndVectors()
    {
        var table = new WordClassTableBuilder().Add("good", polarity: 1.5f, vector: [1, -0.5f, 0.25f, 2]).Add("said").Build();
        using var stream = new MemoryStream();
        table.Write(stream);
        stream.Position = 0;

        var read = WordClasses.Read(stream);

        Assert.Equal(2, read.Count);
        Assert.Equal(Dimensions, read.VectorDimensions);
        Assert.True(read.TryGet(TextHash.Of("good"), out var good));
        Assert.Equal(1.5f, good.Valence);
        Assert.Equal([1, -0.5f, 0.25f, 2], read.Vector(good).ToArray().Select(b => b / WordClasses.VectorScale));
        Assert.False(read.TryGet(TextHash.Of("bad"), out _));
    }

    [Fact]
    public void Read_NotATable_Throws()
    {
        using var stream = new MemoryStream();
        new LinearModel(8, new float[256 * LinearModel.Classes]).Write(stream);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => WordClasses.Read(stream));
    }

    [Fact]
    public void Constructor_VectorsNotMatchingWords_Throws() =>
        Assert.Throws<ArgumentException>(() => new WordClasses([new("a", default)], 1, 1, Dimensions, new sbyte[Dimensions + 1]));

    [Fact]
    public void Default_EmbeddedTable_HasFrequentWordsWithVectors()
    {
        var table = WordClasses.Default;

        Assert.NotNull(table);
        Assert.True(table.Count >= 20_000);
        Assert.True(table.VectorDimensions > 0);
        Assert.True(table.TryGet(TextHash.Of("said"), out var said));
        Assert.Equal(table.VectorDimensions, table.Vector(said).Length);
    }

    [Fact]
    public void Default_EmbeddedTable_PredictsPolarityOfWordsOutsideTheLexicon()
    {
        // Neither word is in the VADER lexicon; the vector-based polarity still orders them.
        var table = WordClasses.Default!;
        Assert.True(table.TryGet(TextHash.Of("indicted"), out var indicted));
        Assert.True(table.TryGet(TextHash.Of("thursday"), out var thursday));

        Assert.True(indicted.Valence < -0.25f);
        Assert.True(MathF.Abs(thursday.Valence) < MathF.Abs(indicted.Valence));
    }

    [Fact]
    public void Target_PolarityFamily_UsesVectorPolarityOfAWordTheLexiconLacks()
    {
        const string sentence = "Okafor was zorbled again yesterday.";
        var positive = new WordClassTableBuilder().Add("zorbled", polarity: 2).Build(WordClassFeatures.Polarity);
        var negative = new WordClassTableBuilder().Add("zorbled", polarity: -2).Build(WordClassFeatures.Polarity);

        Assert.NotEqual(Features(sentence, "Okafor", positive), Features(sentence, "Okafor", negative));
    }

    [Fact]
    public void Target_PolarityFamily_IgnoresVectorPolarityOfLexiconWords()
    {
        const string sentence = "Okafor was praised again yesterday.";
        var positive = new WordClassTableBuilder().Add("praised", polarity: 2).Build(WordClassFeatures.Polarity);
        var negative = new WordClassTableBuilder().Add("praised", polarity: -2).Build(WordClassFeatures.Polarity);

        Assert.Equal(Features(sentence, "Okafor", positive), Features(sentence, "Okafor", negative));
    }

    [Fact]
    public void Target_DenseSides_AddsOneMeanPerSideOfVectorDimensions()
    {
        const string sentence = "Critics attacked Okafor again yesterday.";
        var table = new WordClassTableBuilder().Add("attacked", vector: [1, 0, 0, 0]).Add("again", vector: [0, 1, 0, 0]).Build(WordClassFeatures.DenseSides);

        var without = Features(sentence, "Okafor", null);
        var with = Features(sentence, "Okafor", table);

        Assert.Equal(without.Count + (2 * Dimensions), with.Count);
        Assert.Equal(without, with.Take(without.Count));
    }

    [Fact]
    public void Target_DenseSides_IgnoresWordsBeyondTheWindow()
    {
        const string sentence = "Okafor spoke to the members of the large committee in zorbled tones.";
        var one = new WordClassTableBuilder().Add("spoke", vector: [1, 0, 0, 0]).Add("zorbled", vector: [0, 1, 0, 0]).Build(WordClassFeatures.DenseSides);
        var other = new WordClassTableBuilder().Add("spoke", vector: [1, 0, 0, 0]).Add("zorbled", vector: [0, 0, 2, 0]).Build(WordClassFeatures.DenseSides);

        Assert.Equal(Features(sentence, "Okafor", one), Features(sentence, "Okafor", other));
    }

    [Fact]
    public void Target_OtherNames_GetNoVector()
    {
        // "Brandt" is another name: its vector must not leak into Okafor's features.
        const string sentence = "Okafor met Brandt on Monday.";
        var one = new WordClassTableBuilder().Add("met", vector: [1, 0, 0, 0]).Add("brandt", vector: [0, 1, 0, 0]).Build(WordClassFeatures.DenseSides);
        var other = new WordClassTableBuilder().Add("met", vector: [1, 0, 0, 0]).Add("brandt", vector: [0, 0, 3, 0]).Build(WordClassFeatures.DenseSides);

        Assert.Equal(Features(sentence, "Okafor", one), Features(sentence, "Okafor", other));
    }

    [Fact]
    public void ScoreTargets_SeveralTargetsOfALongSentence_MatchScoringEachAlone()
    {
        // The word classes are looked up once per sentence and shared by its targets; that must not change any score of
        // the linear model (the target networks read where the other targets are by design: TargetNetTests).
        const string sentence = "Okafor, who chairs the committee, praised the plan on Monday, while Brandt, his rival for many years, "
            + "called it a disgraceful waste of money and said Mendes had misled the voters of the state about it.";
        var analyzer = SentimentAnalyzer.CreateDefault().WithTargetNet(null);
        var names = new[] { "Mendes", "Okafor", "Brandt" };
        var spans = names.Select(n => new TextSpan(sentence.IndexOf(n, StringComparison.Ordinal), n.Length)).ToArray();
        var together = new SentimentScores[spans.Length];

        analyzer.ScoreTargets(sentence, 0, sentence.Length, spans, together);

        for (var i = 0; i < spans.Length; i++)
        {
            Assert.Equal(analyzer.ScoreTarget(sentence, 0, sentence.Length, spans[i].Start, spans[i].Length), together[i]);
        }
    }

    private static List<(ulong Hash, float Value)> Features(string sentence, string target, WordClasses? classes)
    {
        var ws = SentimentWorkspace.Current;
        var lexicon = VaderLexicon.Default;
        SentenceTokenizer.Tokenize(sentence, lexicon, ws);
        var vader = VaderScorer.Score(ws, lexicon);
        var (from, to) = SentimentAnalyzer.TargetTokens(ws, sentence.IndexOf(target, StringComparison.Ordinal), target.Length);
        FeatureExtractor.Target(ws, vader, from, to, ws.Features, classes);
        var (hashes, values) = ws.Features.ToArrays();
        return hashes.Zip(values).ToList();
    }
}

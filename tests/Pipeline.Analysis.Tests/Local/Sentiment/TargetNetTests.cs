using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;
using SentimentLabel = Pipeline.Core.Analysis.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

public sealed class TargetNetTests
{
    private static readonly WordClasses Table = new WordClassTableBuilder()
        .Add("okafor", vector: [1, 0, -1, 0.5f])
        .Add("praised", vector: [0.5f, 2, 0, -1])
        .Add("brandt", vector: [-1, 1, 1, 0])
        .Add("the", vector: [0, 0, 0.25f, 0.25f])
        .Build();

    [Fact]
    public void Relative_TokenInTarget_OnlyTheInTargetInput()
    {
        var input = Encode("Okafor praised Brandt", out _);
        Span<(int Index, float Value)> relative = stackalloc (int, float)[4];

        var count = input.Relative(2, 2, 3, relative);

        Assert.Equal(1, count);
        Assert.Equal((TargetNetInput.InTargetIndex, 1f), relative[0]);
    }

    [Fact]
    public void Relative_WordsLeftAndRight_BucketBySideAndDistance()
    {
        var input = Encode("the the the the the Okafor the the", out _);
        Span<(int Index, float Value)> relative = stackalloc (int, float)[4];

        // Target token 5: token 1 is 4 words left, token 7 is 2 words right.
        var left = relative[..input.Relative(1, 5, 6, relative)].ToArray();
        var right = relative[..input.Relative(7, 5, 6, relative)].ToArray();

        Assert.Contains((TargetNetInput.BucketIndex(left: true, 4), 1f), left);
        Assert.Contains((TargetNetInput.DistanceIndex, 1f / 5), left);
        Assert.Contains((TargetNetInput.BucketIndex(left: false, 2), 1f), right);
        Assert.Contains((TargetNetInput.DistanceIndex, 1f / 3), right);
        Assert.NotEqual(TargetNetInput.BucketIndex(left: true, 2), TargetNetInput.BucketIndex(left: false, 2));
        Assert.Equal(TargetNetInput.BucketIndex(left: true, 40), TargetNetInput.BucketIndex(left: true, 11));
    }

    [Fact]
    public void Relative_OtherTargetAndCapitalizedWord_Flagged()
    {
        var input = Encode("the Okafor praised Brandt", out _);
        input.MarkTarget(1, 2);
        input.MarkTarget(3, 4);
        Span<(int Index, float Value)> relative = stackalloc (int, float)[4];

        var other = relative[..input.Relative(3, 1, 2, relative)].ToArray();
        var word = relative[..input.Relative(2, 1, 2, relative)].ToArray();

        Assert.Contains((TargetNetInput.OtherTargetIndex, 1f), other);
        Assert.Contains((TargetNetInput.NameIndex, 1f), other);
        Assert.DoesNotContain(word, r => r.Index is TargetNetInput.OtherTargetIndex or TargetNetInput.NameIndex);
    }

    [Fact]
    public void Encode_KnownAndUnknownWords_VectorOrNoVectorFlag()
    {
        var input = Encode("Okafor zorbled", out _);
        var d = input.WordDimensions;

        Assert.True(input.Rows[0] >= 0);
        Assert.Equal([1f, 0, -1, 0.5f], input.Words.AsSpan(0, WordClassTableBuilder.Dimensions).ToArray());
        Assert.Equal(0, input.Words[WordClassTableBuilder.Dimensions]);
        Assert.Equal(-1, input.Rows[1]);
        Assert.Equal(1, input.Words[d + WordClassTableBuilder.Dimensions]);
    }

    [Theory]
    [InlineData("Okafor praised Brandt and the committee on Monday.", new[] { "Okafor", "Brandt" })]
    [InlineData("The committee praised Okafor", new[] { "Okafor" })]
    [InlineData("Okafor", new[] { "Okafor" })]
    [InlineData("Okafor and Brandt", new[] { "Okafor", "Brandt" })]
    public void Predict_RandomNetworks_MatchesTheMemberByMemberReference(string sentence, string[] targets)
    {
        var ensemble = new TargetNetBuilder().WithMembers(3).Build();
        AssertMatchesReference(ensemble, sentence, targets);
    }

    [Fact]
    public void Predict_LongSentence_MatchesTheReferenceBeyondThePrecomputedDistances()
    {
        var words = Enumerable.Repeat("the", 90).ToList();
        words[3] = "Okafor";
        words[80] = "Brandt";
        AssertMatchesReference(new TargetNetBuilder().Build(), string.Join(' ', words), ["Okafor", "Brandt"]);
    }

    [Fact]
    public void Predict_WordsBeyondTheCachedOnes_MatchTheReference()
    {
        // Only the first table row ("okafor") is cached; the other words' shares are computed each time.
        var built = new TargetNetBuilder().Build();
        var ensemble = new TargetNetEnsemble(built.Members, built.Weight, built.VectorDimensions, cachedWords: 1);

        AssertMatchesReference(ensemble, "Okafor praised Brandt and the committee.", ["Okafor", "Brandt"]);
        AssertMatchesReference(ensemble, "The Brandt plan praised the Okafor plan.", ["Brandt"]);
    }

    [Fact]
    public void WriteRead_Ensemble_SamePredictions()
    {
        var ensemble = new TargetNetBuilder().WithMembers(2).WithWeight(0.3f).Build();
        using var stream = new MemoryStream();
        ensemble.Write(stream);
        stream.Position = 0;

        var read = TargetNetEnsemble.Read(stream);

        Assert.Equal(0.3f, read.Weight);
        Assert.Equal(2, read.Members.Count);
        var analyzer = Analyzer(ensemble);
        var reread = Analyzer(read);
        const string sentence = "Okafor praised Brandt.";
        Assert.Equal(analyzer.ScoreTarget(sentence, 0, sentence.Length, 0, 6), reread.ScoreTarget(sentence, 0, sentence.Length, 0, 6));
    }

    [Fact]
    public void Read_NotANetworkFile_Throws()
    {
        using var stream = new MemoryStream();
        new LinearModel(8, new float[256 * LinearModel.Classes]).Write(stream);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => TargetNetEnsemble.Read(stream));
    }

    [Fact]
    public void Constructor_MembersOfDifferentShapes_Throws()
    {
        var a = new TargetNetBuilder().Build().Members[0];
        var b = new TargetNetwork(a.D, a.WordInputs, a.H * 2);

        Assert.Throws<ArgumentException>(() => new TargetNetEnsemble([a, b], 0.5f, WordClassTableBuilder.Dimensions));
    }

    [Fact]
    public void ScoreTarget_BlendWeight_SharesTheNetworksAndTheLinearModel()
    {
        const string sentence = "Colleagues praised Okafor for his courage and honesty.";
        var start = sentence.IndexOf("Okafor", StringComparison.Ordinal);
        var negativeNets = new TargetNetBuilder().WithNegativeBias(50);

        var linear = Analyzer(null).ScoreTarget(sentence, 0, sentence.Length, start, 6);
        var none = Analyzer(negativeNets.WithWeight(0).Build()).ScoreTarget(sentence, 0, sentence.Length, start, 6);
        var all = Analyzer(negativeNets.WithWeight(1).Build()).ScoreTarget(sentence, 0, sentence.Length, start, 6);
        var half = Analyzer(negativeNets.WithWeight(0.5f).Build()).ScoreTarget(sentence, 0, sentence.Length, start, 6);

        Assert.Equal(SentimentLabel.Positive, linear.Label);
        Assert.Equal(linear, none);
        Assert.Equal(1, all.Negative, 3);
        Assert.Equal((1 + linear.Negative) / 2, half.Negative, 3);
        Assert.Equal(linear.Positive / 2, half.Positive, 3);
    }

    [Fact]
    public void ScoreTargets_AnotherTargetInTheSentence_IsAnInputOfTheNetworks()
    {
        const string sentence = "Okafor praised Brandt on Monday.";
        var analyzer = Analyzer(new TargetNetBuilder().WithWeight(1).Build());
        var together = new SentimentScores[2];

        analyzer.ScoreTargets(sentence, 0, sentence.Length, [new TextSpan(0, 6), new TextSpan(15, 6)], together);

        Assert.NotEqual(analyzer.ScoreTarget(sentence, 0, sentence.Length, 0, 6), together[0]);
    }

    [Fact]
    public void ScoreTargets_ManyThreadsAtOnce_SameScoresAsOneThread()
    {
        // The per-word cache of the networks fills concurrently; every thread must still get the same scores.
        var analyzer = Analyzer(new TargetNetBuilder().WithMembers(3).WithWeight(1).Build());
        string[] sentences = ["Okafor praised Brandt.", "The Okafor committee praised the Brandt plan.", "Brandt praised the committee, Okafor said."];
        var expected = sentences.Select(s => analyzer.ScoreTarget(s, 0, s.Length, s.IndexOf("Okafor", StringComparison.Ordinal), 6)).ToArray();
        var fresh = Analyzer(new TargetNetBuilder().WithMembers(3).WithWeight(1).Build());

        var results = new SentimentScores[64];
        Parallel.For(0, results.Length, i =>
        {
            var s = sentences[i % sentences.Length];
            results[i] = fresh.ScoreTarget(s, 0, s.Length, s.IndexOf("Okafor", StringComparison.Ordinal), 6);
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % sentences.Length], results[i]);
        }
    }

    [Fact]
    public void Default_EmbeddedNetworks_LoadedWithTheWordVectors()
    {
        var ensemble = TargetNetEnsemble.Default;

        Assert.NotNull(ensemble);
        Assert.Equal(WordClasses.Default!.VectorDimensions, ensemble.VectorDimensions);
        Assert.InRange(ensemble.Weight, 0.1f, 0.9f);
        Assert.True(ensemble.Members.Count >= 1);
    }

    // The embedded linear models with the small vector table above (the networks read its 4-dimensional vectors).
    private static SentimentAnalyzer Analyzer(TargetNetEnsemble? ensemble) => new(
        VaderLexicon.Default,
        SentimentAnalyzer.LoadModel(SentimentAnalyzer.SentenceModelResource),
        SentimentAnalyzer.LoadModel(SentimentAnalyzer.TargetModelResource),
        wordClasses: Table,
        targetNet: ensemble);

    private static TargetNetInput Encode(string sentence, out SentimentWorkspace ws)
    {
        ws = SentimentWorkspace.Current;
        SentenceTokenizer.Tokenize(sentence, VaderLexicon.Default, ws);
        VaderScorer.Score(ws, VaderLexicon.Default);
        var input = new TargetNetInput(WordClassTableBuilder.Dimensions);
        input.Encode(ws, Table);
        return input;
    }

    private static void AssertMatchesReference(TargetNetEnsemble ensemble, string sentence, string[] targets)
    {
        var ws = SentimentWorkspace.Current;
        SentenceTokenizer.Tokenize(sentence, VaderLexicon.Default, ws);
        VaderScorer.Score(ws, VaderLexicon.Default);
        var tokens = targets.Select(t => SentimentAnalyzer.TargetTokens(ws, sentence.IndexOf(t, StringComparison.Ordinal), t.Length)).ToArray();
        var scratch = new TargetNetScratch();
        ensemble.BeginSentence(ws, Table, scratch, tokens);

        var reference = new TargetNetInput(WordClassTableBuilder.Dimensions);
        reference.Encode(ws, Table);
        foreach (var (from, to) in tokens)
        {
            reference.MarkTarget(from, to);
        }

        foreach (var (from, to) in tokens)
        {
            var fused = new float[3];
            var expected = new float[3];
            ensemble.Predict(scratch, from, to, fused);
            ensemble.PredictByMember(reference, from, to, expected);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], fused[c], 4);
            }

            Assert.Equal(1, fused.Sum(), 4);
        }
    }
}

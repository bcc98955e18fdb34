using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class GreedyDecoderTests
{
    [Fact]
    public void Best_InsideTagAfterOutside_NotAllowed()
    {
        var scores = new float[NerTags.Count];
        scores[NerTags.Parse("I-PER")] = 5;
        scores[NerTags.Parse("B-PER")] = 3;
        Assert.Equal("B-PER", NerTags.Name(GreedyDecoder.Best(scores, NerTags.Outside)));
        Assert.Equal("B-PER", NerTags.Name(GreedyDecoder.Best(scores, NerTags.Parse("I-LOC"))));
        Assert.Equal("I-PER", NerTags.Name(GreedyDecoder.Best(scores, NerTags.Parse("B-PER"))));
    }

    [Fact]
    public void Spans_StrayInside_StartsAnEntity()
    {
        int[] tags = [0, NerTags.Parse("I-ORG"), NerTags.Parse("I-ORG"), NerTags.Parse("B-PER"), NerTags.Parse("B-PER"), NerTags.Parse("I-PER")];
        Assert.Equal([(1, 3, 2), (3, 4, 0), (4, 6, 0)], NerTags.Spans(tags));
    }

    [Fact]
    public void DefaultTagger_NewsSentence_NeverEmitsInsideWithoutBegin()
    {
        const string text = "Sen. Bernie Sanders of Vermont told supporters in Des Moines , Iowa , that the Democratic National Committee was wrong .";
        var tokens = Pipeline.Analysis.Local.Text.Tokenizer.Tokenize(text).ToArray();
        var tags = new int[tokens.Length];
        NerTagger.Default.Tag(text, tokens, tags, []);
        for (var i = 0; i < tags.Length; i++)
        {
            if (NerTags.IsInside(tags[i]))
            {
                Assert.True(i > 0 && tags[i - 1] != 0 && NerTags.TypeOf(tags[i - 1]) == NerTags.TypeOf(tags[i]));
            }
        }

        var spans = NerTags.Spans(tags).Select(s => (string.Join(' ', tokens[s.Start..s.End].Select(t => text.Substring(t.Start, t.Length))), NerTags.TypeName(s.Type))).ToList();
        Assert.Contains(("Bernie Sanders", "PER"), spans);
        Assert.Contains(("Vermont", "LOC"), spans);
    }
}

public sealed class BeamDecoderTests
{
    [Fact]
    public void SaveLoad_BeamTrainedModel_KeepsBeamWidthForDecoding()
    {
        var weights = new float[(1 << 4) * NerTags.Count];
        weights[3] = 1.5f;
        using var stream = new MemoryStream();
        NerModel.Quantize(weights, 4, beamWidth: 4).Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        Assert.Equal(4, loaded.BeamWidth);
        Assert.Equal(4, new NerTagger(loaded, new NerFeatureExtractor(Gazetteer.Default)).BeamWidth);
    }

    [Fact]
    public void DefaultTagger_BeamAndGreedyDecoding_BothRespectBio()
    {
        const string text = "Members of the Social Democratic Party of Germany met the Christian Democratic Union in Berlin .";
        var tokens = Pipeline.Analysis.Local.Text.Tokenizer.Tokenize(text).ToArray();
        var tagger = new NerTagger(LoadDefaultModel(), new NerFeatureExtractor(Gazetteer.Default));
        foreach (var width in new[] { 1, 4 })
        {
            tagger.BeamWidth = width;
            var tags = new int[tokens.Length];
            var conf = new float[tokens.Length];
            tagger.Tag(text, tokens, tags, conf);
            for (var i = 0; i < tags.Length; i++)
            {
                Assert.True(NerTags.IsAllowed(i == 0 ? NerTags.Outside : tags[i - 1], tags[i]));
                Assert.InRange(conf[i], 0f, 1f);
            }

            var spans = NerTags.Spans(tags).Select(s => string.Join(' ', tokens[s.Start..s.End].Select(t => text.Substring(t.Start, t.Length)))).ToList();
            Assert.Contains("Berlin", spans);
        }
    }

    [Fact]
    public void AllowedAfter_EveryPreviousTag_ListsTheAllowedTagsInOrder()
    {
        for (var previous = 0; previous < NerTags.Count; previous++)
        {
            var expected = Enumerable.Range(0, NerTags.Count).Where(t => NerTags.IsAllowed(previous, t)).ToArray();
            Assert.Equal(expected, NerTags.AllowedAfter(previous).ToArray().Select(t => (int)t).ToArray());
        }
    }

    [Theory]
    [InlineData("Members of the Social Democratic Party of Germany met the Christian Democratic Union in Berlin .")]
    [InlineData("Sen. Bernie Sanders of Vermont told supporters in Des Moines , Iowa , that the Democratic National Committee was wrong .")]
    [InlineData("The New York Times reported that Apple Inc. and the European Commission settled in Brussels on Tuesday .")]
    public void Decode_CachedRawScores_SameTagsAsTheGeneralSearchLoop(string text)
    {
        // The shipped decoder has its own forward pass; given its result as the gold prefix, the general loop (which
        // training uses) must keep that prefix alive to the end and pick the same best history.
        var model = LoadDefaultModel();
        var tokens = Pipeline.Analysis.Local.Text.Tokenizer.Tokenize(text).ToArray();
        var cache = new WordScoreCache(model);
        var features = new NerFeatureExtractor.SentenceFeatures();
        new NerFeatureExtractor(Gazetteer.Default).Extract(text, tokens, features, cache);
        var fast = new int[tokens.Length];
        BeamDecoder.Decode(model, features, fast, [], width: 4, temperature: 1, rawScores: true);
        var general = new int[tokens.Length];
        var decoded = BeamDecoder.Search(model, features, 4, 1, rawScores: true, fast, general, []);
        Assert.Equal(tokens.Length, decoded);
        Assert.Equal(fast, general);
        Assert.Contains(fast, t => t != NerTags.Outside);
    }

    private static NerModel LoadDefaultModel()
    {
        using var stream = NerResources.Open(NerTagger.ModelResource);
        return NerModel.Load(stream);
    }
}

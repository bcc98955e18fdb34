using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class WordScoreCacheTests
{
    [Fact]
    public void Extract_WithCache_BasePlusSlotsEqualsEveryFeatureScored()
    {
        var extractor = new NerFeatureExtractor(Gazetteer.Default);
        var cache = new WordScoreCache(ShippedNer.Model);
        foreach (var text in ShippedNer.Sentences.Concat(ShippedNer.Sentences))
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            var full = new NerFeatureExtractor.SentenceFeatures();
            extractor.Extract(text, tokens, full);
            var expected = new float[tokens.Length * NerTags.Count];
            ShippedNer.Model.ScoreMany(full.Static.AsSpan(0, tokens.Length * NerFeatureExtractor.Slots), NerFeatureExtractor.Slots, expected);

            var cached = new NerFeatureExtractor.SentenceFeatures();
            extractor.Extract(text, tokens, cached, cache);
            Assert.True(cached.HasBase);
            var actual = cached.Base.AsSpan(0, tokens.Length * NerTags.Count).ToArray();
            ShippedNer.Model.ScoreMany(cached.Static.AsSpan(0, tokens.Length * NerFeatureExtractor.Slots), NerFeatureExtractor.Slots, actual);

            for (var k = 0; k < expected.Length; k++)
            {
                Assert.Equal(expected[k], actual[k], 0.001f);
            }
        }
    }

    [Fact]
    public void Tag_CachedAndUncachedDecoding_SameTagsAndConfidences()
    {
        var cachedTagger = new NerTagger(ShippedNer.Model, new NerFeatureExtractor(Gazetteer.Default));
        var plainTagger = new NerTagger(new PlainScorer(ShippedNer.Model), new NerFeatureExtractor(Gazetteer.Default))
        {
            BeamWidth = ShippedNer.Model.BeamWidth,
            RawBeamScores = true,
        };

        // Enough distinct words (in sentences the cache serves) to make it start a new generation between the passes.
        var filler = Enumerable.Range(0, 30).Select(s => string.Join(' ', Enumerable.Range(0, 300).Select(i => $"Word{(s * 300) + i}")) + " .");
        foreach (var text in ShippedNer.Sentences.Concat(filler).Concat(ShippedNer.Sentences))
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            var (cachedTags, cachedConfidences) = Tag(cachedTagger, text, tokens);
            var (plainTags, plainConfidences) = Tag(plainTagger, text, tokens);
            Assert.Equal(plainTags, cachedTags);
            for (var i = 0; i < tokens.Length; i++)
            {
                Assert.Equal(plainConfidences[i], cachedConfidences[i], 0.0001f);
            }
        }
    }

    [Fact]
    public void Tag_BeamDecoding_ConfidenceOnlyForEntityTokens()
    {
        const string text = "Sen. Bernie Sanders of Vermont told supporters in Des Moines that he would win .";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var (tags, confidences) = Tag(NerTagger.Default, text, tokens);
        Assert.Contains(tags, t => t != NerTags.Outside);
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == NerTags.Outside)
            {
                Assert.Equal(0f, confidences[i]);
            }
            else
            {
                Assert.InRange(confidences[i], 0.01f, 1f);
            }
        }
    }

    [Fact]
    public void IsAllowed_Table_MatchesBioRule()
    {
        for (var prev = 0; prev < NerTags.Count; prev++)
        {
            for (var tag = 0; tag < NerTags.Count; tag++)
            {
                var rule = !NerTags.IsInside(tag) || (prev != NerTags.Outside && NerTags.TypeOf(prev) == NerTags.TypeOf(tag));
                Assert.Equal(rule, NerTags.IsAllowed(prev, tag));
            }
        }
    }

    private static (int[] Tags, float[] Confidences) Tag(NerTagger tagger, string text, TextSpan[] tokens)
    {
        var tags = new int[tokens.Length];
        var confidences = new float[tokens.Length];
        tagger.Tag(text, tokens, tags, confidences);
        return (tags, confidences);
    }

    /// <summary>The same weights behind our scorer interface only: the tagger takes its uncached path.</summary>
    private sealed class PlainScorer(NerModel model) : ITagScorer
    {
        public void Score(ReadOnlySpan<ulong> features, Span<float> scores) => model.Score(features, scores);
    }
}

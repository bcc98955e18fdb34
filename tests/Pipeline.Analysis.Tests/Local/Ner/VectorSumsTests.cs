using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

/// <summary>The vectorised score sums give exactly the floats of the scalar loops they replaced (same order per tag).</summary>
public sealed class VectorSumsTests
{
    [Fact]
    public void ScoreMany_ManyTokens_BitEqualToScoreForEachToken()
    {
        var extractor = new NerFeatureExtractor(Gazetteer.Default);
        foreach (var text in ShippedNer.Sentences)
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            var features = new NerFeatureExtractor.SentenceFeatures();
            extractor.Extract(text, tokens, features);
            var many = Enumerable.Range(0, tokens.Length * NerTags.Count).Select(k => k * 0.01f).ToArray();
            var one = many.ToArray();
            ShippedNer.Model.ScoreMany(features.Static.AsSpan(0, tokens.Length * NerFeatureExtractor.Slots), NerFeatureExtractor.Slots, many);
            for (var i = 0; i < tokens.Length; i++)
            {
                var slots = features.StaticOf(i);
                var used = slots.IndexOf(0UL) is var end and >= 0 ? end : slots.Length;
                ShippedNer.Model.Score(slots[..used], one.AsSpan(i * NerTags.Count, NerTags.Count));
            }

            Assert.Equal(one, many);
        }
    }

    [Fact]
    public void Extract_WithCache_BaseBitEqualToScalarSumOfCachedRows()
    {
        var extractor = new NerFeatureExtractor(Gazetteer.Default);
        var cache = new WordScoreCache(ShippedNer.Model);
        foreach (var text in ShippedNer.Sentences)
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            var features = new NerFeatureExtractor.SentenceFeatures();
            extractor.Extract(text, tokens, features, cache);
            var n = tokens.Length;
            var entries = features.Entries.AsSpan(0, n).ToArray();
            var scores = cache.Scores.ToArray();
            var boundary = cache.Boundary.ToArray();
            for (var i = 0; i < n; i++)
            {
                for (var t = 0; t < NerTags.Count; t++)
                {
                    float Row(int token, int offset) => token >= 0 && token < n ? scores[(entries[token] * WordScoreCache.Stride) + offset + t] : boundary[offset + t];
                    var expected = Row(i, WordScoreCache.Intrinsic) + Row(i - 1, WordScoreCache.AsPrev1) + Row(i + 1, WordScoreCache.AsNext1)
                        + Row(i - 2, WordScoreCache.AsPrev2) + Row(i + 2, WordScoreCache.AsNext2);
                    if (i > 0)
                    {
                        expected += cache.Adjacent(entries[i - 1], entries[i])[NerTags.Count + t];
                    }

                    if (i + 1 < n)
                    {
                        expected += cache.Adjacent(entries[i], entries[i + 1])[t];
                    }

                    Assert.Equal(expected, features.Base[(i * NerTags.Count) + t]);
                }
            }
        }
    }
}

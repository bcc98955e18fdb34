using System.Runtime.Intrinsics;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class BeamDecoderFastPathTests
{
    [Fact]
    public void Search_ShippedFastPath_SameTagsAndConfidencesAsGeneralLoop()
    {
        var extractor = new NerFeatureExtractor(Gazetteer.Default);
        var cache = new WordScoreCache(ShippedNer.Model);
        var features = new NerFeatureExtractor.SentenceFeatures();
        var compared = 0;
        foreach (var text in ShippedNer.Sentences.Concat(RandomSentences(200)))
        {
            var tokens = Tokenizer.Tokenize(text).ToArray();
            extractor.Extract(text, tokens, features, cache);
            var (fastTags, fastConfidences) = Decode(features, tokens.Length, fastPath: true);
            var (generalTags, generalConfidences) = Decode(features, tokens.Length, fastPath: false);
            Assert.Equal(generalTags, fastTags);
            Assert.Equal(generalConfidences, fastConfidences);
            compared += fastTags.Count(t => t != NerTags.Outside);
        }

        // The comparison covered entity paths, not only all-O sentences.
        Assert.True(compared > 200, $"only {compared} entity tokens");
    }

    [Fact]
    public void TopFour_RandomOffersWithTies_BestFourByScoreThenLowerState()
    {
        var random = new Random(11);
        for (var round = 0; round < 2000; round++)
        {
            // Few distinct scores, so equal scores (decided by the state) are common.
            var offers = Enumerable.Range(0, random.Next(0, 30))
                .Select(_ => (Score: random.Next(-3, 3) * 0.5, State: random.Next(81)))
                .DistinctBy(o => o.State)
                .ToList();
            var top = BeamDecoder.TopFour.Empty;
            foreach (var (score, state) in offers)
            {
                top.Offer(score, state);
            }

            var expected = offers.OrderByDescending(o => o.Score).ThenBy(o => o.State).Take(4).ToList();
            Assert.Equal(expected.Count, top.Count);
            for (var k = 0; k < expected.Count; k++)
            {
                Assert.Equal(expected[k].Score, top.Scores.GetElement(k));
                Assert.Equal(expected[k].State, top.States.GetElement(k));
            }
        }
    }

    private static (int[] Tags, float[] Confidences) Decode(NerFeatureExtractor.SentenceFeatures features, int n, bool fastPath)
    {
        var tags = new int[n];
        var confidences = new float[n];
        BeamDecoder.Search(ShippedNer.Model, features, ShippedNer.Model.BeamWidth, GreedyDecoder.DefaultTemperature, rawScores: true, [], tags, confidences, fastPath);
        return (tags, confidences);
    }

    /// <summary>Title-case runs, names, function words and punctuation in random order: many competing BIO paths.</summary>
    private static IEnumerable<string> RandomSentences(int count)
    {
        string[] words =
        [
            "the", "of", "and", "in", "said", "President", "Obama", "Clinton", "New", "York", "Times", "United", "Nations",
            "Party", "Democratic", "Berlin", "Apple", "Inc.", "John", "Smith", "Mr.", "(", ")", ",", ".", "'s", "World", "Cup",
            "election", "2016", "Iowa", "caucus", "Sanders", "Bernie", "Senate", "Committee", "on", "Foreign", "Relations",
            "Likud", "Meretz", "Forza", "Italia", "FI", "Google", "Paris", "Agreement", "war", "Iraq", "U.S.", "EU", "NATO",
        ];
        var random = new Random(7);
        for (var s = 0; s < count; s++)
        {
            var n = random.Next(1, 40);
            yield return string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        }
    }
}

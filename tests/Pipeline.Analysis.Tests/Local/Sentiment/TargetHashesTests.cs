using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>The per-sentence hashes shared by a sentence's targets give each target the features it would get alone.</summary>
public sealed class TargetHashesTests
{
    private const string Sentence = "Critics in Ohio praised Martinez, but \"Hale is a liar,\" said Lee, and the Rampart Group did not agree.";

    private static (ulong[] Hashes, float[] Values) TargetFeatures(SentimentWorkspace ws, VaderScore vader, int from, int to)
    {
        var features = new FeatureVector();
        FeatureExtractor.Target(ws, vader, from, to, features, WordClasses.Default);
        return features.ToArrays();
    }

    private static (int From, int To)[] Targets(SentimentWorkspace ws, params string[] names)
    {
        return names.Select(name => SentimentAnalyzer.TargetTokens(ws, Sentence.IndexOf(name, StringComparison.Ordinal), name.Length)).ToArray();
    }

    [Fact]
    public void Target_SeveralTargetsOfOneSentence_SameFeaturesAsEachScoredOnAFreshSentence()
    {
        var lexicon = VaderLexicon.Default;
        var shared = new SentimentWorkspace();
        SentenceTokenizer.Tokenize(Sentence, lexicon, shared);
        var vader = VaderScorer.Score(shared, lexicon);
        var targets = Targets(shared, "Ohio", "Martinez", "Hale", "Lee", "Rampart Group");

        // Scored one after the other, the later targets reuse the hashes the first one filled.
        var reused = targets.Select(t => TargetFeatures(shared, vader, t.From, t.To)).ToArray();
        Assert.True(shared.Hashes.Valid);

        for (var k = 0; k < targets.Length; k++)
        {
            var fresh = new SentimentWorkspace();
            SentenceTokenizer.Tokenize(Sentence, lexicon, fresh);
            Assert.False(fresh.Hashes.Valid);
            var alone = TargetFeatures(fresh, VaderScorer.Score(fresh, lexicon), targets[k].From, targets[k].To);
            Assert.Equal(alone.Hashes, reused[k].Hashes);
            Assert.Equal(alone.Values, reused[k].Values);
        }

        // Different targets do get different features (the masked target and distances differ).
        Assert.NotEqual(reused[0].Hashes, reused[1].Hashes);
    }

    [Fact]
    public void Target_AfterANewSentenceOrALexiconSwap_HashesFilledAgain()
    {
        var ws = new SentimentWorkspace();
        SentenceTokenizer.Tokenize(Sentence, new LexiconPair(VaderLexicon.SentenceDefault, VaderLexicon.Default), ws);
        var (from, to) = Targets(ws, "Martinez")[0];
        TargetFeatures(ws, VaderScorer.Score(ws, VaderLexicon.SentenceDefault), from, to);
        Assert.True(ws.Hashes.Valid);

        // The swap changes which words the lexicon knows (and so which capitalised words count as other names).
        ws.SwapLexicons();
        Assert.False(ws.Hashes.Valid);
        var swapped = TargetFeatures(ws, VaderScorer.Score(ws, VaderLexicon.Default), from, to);
        var alone = new SentimentWorkspace();
        SentenceTokenizer.Tokenize(Sentence, VaderLexicon.Default, alone);
        var expected = TargetFeatures(alone, VaderScorer.Score(alone, VaderLexicon.Default), from, to);
        Assert.Equal(expected.Hashes, swapped.Hashes);
        Assert.Equal(expected.Values, swapped.Values);

        SentenceTokenizer.Tokenize("Ohio voters shrugged.", VaderLexicon.Default, ws);
        Assert.False(ws.Hashes.Valid);
    }
}

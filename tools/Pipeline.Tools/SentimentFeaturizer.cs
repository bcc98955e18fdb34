using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>Turns labelled examples into feature vectors with exactly the code the analyzer runs at inference.</summary>
internal static class SentimentFeaturizer
{
    public static FeaturizedExample Sentence(string text, int label)
    {
        var ws = SentimentWorkspace.Current;
        var vader = Analyze(text, ws);
        FeatureExtractor.Sentence(ws, vader, ws.Features);
        var (h, v) = ws.Features.ToArrays();
        return new FeaturizedExample(h, v, label);
    }

    public static FeaturizedExample Target(SentimentExample example)
    {
        var ws = SentimentWorkspace.Current;
        var vader = Analyze(example.Text, ws);
        var (from, to) = SentimentAnalyzer.TargetTokens(ws, example.TargetStart, example.TargetEnd - example.TargetStart);
        FeatureExtractor.Target(ws, vader, from, to, ws.Features);
        var (h, v) = ws.Features.ToArrays();
        return new FeaturizedExample(h, v, example.Label);
    }

    private static VaderScore Analyze(string text, SentimentWorkspace ws)
    {
        SentenceTokenizer.Tokenize(text, VaderLexicon.Default, ws);
        return VaderScorer.Score(ws, VaderLexicon.Default);
    }
}

using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>Turns labelled examples into feature vectors with exactly the code the analyzer runs at inference.</summary>
internal static class SentimentFeaturizer
{
    public static FeaturizedExample Sentence(VaderLexicon lexicon, string text, int label)
    {
        var ws = SentimentWorkspace.Current;
        var vader = Analyze(lexicon, text, ws);
        FeatureExtractor.Sentence(ws, vader, ws.Features);
        var (h, v) = ws.Features.ToArrays();
        return new FeaturizedExample(h, v, label);
    }

    /// <summary>Word classes the target features use (set by train-sentiment; null: none).</summary>
    public static WordClasses? WordClasses { get; set; }

    public static FeaturizedExample Target(VaderLexicon lexicon, SentimentExample example, float multiTargetWeight = 1f)
    {
        var ws = SentimentWorkspace.Current;
        var vader = Analyze(lexicon, example.Text, ws);
        var (from, to) = SentimentAnalyzer.TargetTokens(ws, example.TargetStart, example.TargetEnd - example.TargetStart);
        FeatureExtractor.Target(ws, vader, from, to, ws.Features, WordClasses);
        var (h, v) = ws.Features.ToArrays();
        return new FeaturizedExample(h, v, example.Label, example.MultiTarget ? multiTargetWeight : 1f);
    }

    private static VaderScore Analyze(VaderLexicon lexicon, string text, SentimentWorkspace ws)
    {
        SentenceTokenizer.Tokenize(text, lexicon, ws);
        return VaderScorer.Score(ws, lexicon);
    }
}

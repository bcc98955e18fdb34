using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.Sentiment;

// PLACEHOLDER (owned by the sentiment work): the signatures are the contract LocalTextAnalyzer uses.
public sealed class SentimentAnalyzer
{
    /// <summary>Loads the embedded lexicon and weights once.</summary>
    public static SentimentAnalyzer CreateDefault() => throw new NotImplementedException();

    /// <summary>Sentiment of the sentence text[start..start+length].</summary>
    public SentimentScores ScoreSentence(string text, int start, int length) => throw new NotImplementedException();

    /// <summary>Sentiment toward the target text[targetStart..+targetLength] expressed in the sentence that contains it.</summary>
    public SentimentScores ScoreTarget(string text, int sentenceStart, int sentenceLength, int targetStart, int targetLength) => throw new NotImplementedException();

    /// <summary>Document sentiment from its sentences' scores (label may be Mixed).</summary>
    public SentimentResult ScoreDocument(IReadOnlyList<SentimentScores> sentences) => throw new NotImplementedException();
}

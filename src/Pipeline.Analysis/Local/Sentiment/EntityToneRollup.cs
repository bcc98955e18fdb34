using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// The sentiment toward an entity across an article, from the sentiment toward each of its mentions. Not a plain mean:
/// a mention weighs more where readers meet the entity (the headline, the lead) and where the entity is the sentence's
/// subject rather than an aside. The label is positive or negative only when the weighted polarity clears
/// <see cref="LabelThreshold"/>; a near-balance (polarity within ±0.05) is neutral rather than a coin toss.
/// </summary>
public static class EntityToneRollup
{
    /// <summary>|positive − negative| needed for a non-neutral label (see EVAL.md, "Tone toward a person").</summary>
    public const double LabelThreshold = 0.05;

    private const double HeadlineWeight = 2.0;
    private const double LeadWeight = 1.5;
    private const double SubjectWeight = 1.5;

    /// <summary>Sentences after the headline that make up the lead.</summary>
    private const int LeadSentences = 3;

    /// <summary>One scored mention: its scores, its sentence and whether it opens that sentence (the subject, in news).</summary>
    public readonly record struct Mention(SentimentScores Scores, int Sentence, bool OpensSentence);

    /// <summary>The roll-up of <paramref name="mentions"/> (non-empty) in an article of <paramref name="sentenceCount"/> sentences.</summary>
    public static (SentimentResult Sentiment, ToneEvidence Evidence) Roll(ReadOnlySpan<Mention> mentions, int sentenceCount)
    {
        double pos = 0, neu = 0, neg = 0, total = 0;
        var sentences = 0;
        Span<bool> seen = sentenceCount <= 1024 ? stackalloc bool[sentenceCount] : new bool[sentenceCount];
        foreach (var m in mentions)
        {
            var w = Weight(m, sentenceCount);
            pos += w * m.Scores.Positive;
            neu += w * m.Scores.Neutral;
            neg += w * m.Scores.Negative;
            total += w;
            sentences += seen[m.Sentence] ? 0 : 1;
            seen[m.Sentence] = true;
        }

        var scores = new SentimentScores(pos / total, neu / total, neg / total);
        var label = Math.Abs(scores.Polarity) < LabelThreshold ? Core.Analysis.Sentiment.Neutral : scores.Label;
        var share = label switch
        {
            Core.Analysis.Sentiment.Positive => scores.Positive,
            Core.Analysis.Sentiment.Negative => scores.Negative,
            _ => Math.Max(scores.Neutral, 1 - Math.Abs(scores.Polarity)),
        };

        // One sentence is thin evidence: confidence grows toward the label's share with each further sentence.
        var confidence = Math.Round(share * sentences / (sentences + 1.0), 3);
        return (new SentimentResult(label, scores), new ToneEvidence(mentions.Length, sentences, confidence));
    }

    private static double Weight(Mention m, int sentenceCount)
    {
        var w = 1.0;
        if (sentenceCount > 1 && m.Sentence == 0)
        {
            w *= HeadlineWeight;
        }
        else if (m.Sentence <= LeadSentences)
        {
            w *= LeadWeight;
        }

        return m.OpensSentence ? w * SubjectWeight : w;
    }
}

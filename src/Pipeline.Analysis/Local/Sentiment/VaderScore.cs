namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>VADER's outputs for one sentence: summed valence, compound in [-1, 1] and the pos/neg/neu proportions.</summary>
internal readonly record struct VaderScore(float Sum, float Compound, float Positive, float Negative, float Neutral)
{
    public static VaderScore Empty { get; } = new(0, 0, 0, 0, 1);
}

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// VADER's outputs for one sentence: summed valence, compound in [-1, 1], the pos/neg/neu proportions, and the
/// raw sums of positive and negative word valences (for the news-calibrated polarity).
/// </summary>
internal readonly record struct VaderScore(float Sum, float Compound, float Positive, float Negative, float Neutral, float PositiveSum = 0, float NegativeSum = 0)
{
    /// <summary>Weight of negative valences in <see cref="NewsCompound"/>: news readers weigh bad news more (tuned on dev data).</summary>
    public const float NegativeWeight = 1.4f;

    public static VaderScore Empty { get; } = new(0, 0, 0, 0, 1);

    /// <summary>Compound with negative valences weighted by <see cref="NegativeWeight"/>.</summary>
    public float NewsCompound => VaderScorer.Normalize(PositiveSum + (NegativeWeight * NegativeSum));
}

namespace Pipeline.Core.Analysis;

/// <summary>Sentiment labels, named as Azure AI Language names them.</summary>
public enum Sentiment
{
    Neutral,
    Positive,
    Negative,

    /// <summary>A document whose sentences are clearly positive and clearly negative.</summary>
    Mixed,
}

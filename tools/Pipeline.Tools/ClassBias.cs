namespace Pipeline.Tools;

/// <summary>
/// Offsets added to the target model's logits (negative, neutral, positive) before the argmax: a shift of the class
/// priors (the softmax still sums to 1). Only differences between the offsets matter. Evaluated, not shipped (EVAL.md).
/// </summary>
internal readonly record struct ClassBias(float Negative, float Neutral, float Positive)
{
    public static ClassBias None => default;

    public void AddTo(Span<float> logits)
    {
        logits[0] += Negative;
        logits[1] += Neutral;
        logits[2] += Positive;
    }
}

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>Activations of one target's forward pass (reused per thread; training reads them for the backward pass).</summary>
internal sealed class TargetNetActivations
{
    public float[] Pre { get; private set; } = [];

    public float[] Hidden { get; private set; } = [];

    public float[] Alpha { get; private set; } = [];

    /// <summary>Per hidden unit, the token whose value the max pool took.</summary>
    public int[] MaxAt { get; private set; } = [];

    public float[] Pooled { get; private set; } = [];

    public float[] Logits { get; } = new float[LinearModel.Classes];

    public void EnsureCapacity(int tokens, int hidden)
    {
        if (Pre.Length < tokens * hidden)
        {
            var size = Math.Max(tokens * hidden, Pre.Length * 2);
            Pre = new float[size];
            Hidden = new float[size];
        }

        if (Alpha.Length < tokens)
        {
            Alpha = new float[Math.Max(tokens, Alpha.Length * 2)];
        }

        if (MaxAt.Length < hidden)
        {
            MaxAt = new int[hidden];
            Pooled = new float[3 * hidden];
        }
    }
}

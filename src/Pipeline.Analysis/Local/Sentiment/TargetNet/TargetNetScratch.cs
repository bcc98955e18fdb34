namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>Per-thread buffers of the target networks for one sentence (see <see cref="SentimentWorkspace.TargetNet"/>).</summary>
internal sealed class TargetNetScratch
{
    private float[] wordPre = [];
    private float[] wordShare = [];

    public TargetNetInput Input { get; private set; } = new(0);

    public TargetNetActivations Activations { get; } = new();

    public TargetNetInput InputFor(int vectorDimensions)
    {
        if (Input.VectorDimensions != vectorDimensions)
        {
            Input = new TargetNetInput(vectorDimensions);
        }

        return Input;
    }

    /// <summary>The sentence's word pre-activations (tokens × the ensemble's hidden width), at least <paramref name="length"/> long.</summary>
    public Span<float> WordPre(int length)
    {
        if (wordPre.Length < length)
        {
            wordPre = new float[Math.Max(length, wordPre.Length * 2)];
        }

        return wordPre.AsSpan(0, length);
    }

    /// <summary>Room for the vector share of a word the ensemble does not cache.</summary>
    public Span<float> WordShare(int length)
    {
        if (wordShare.Length < length)
        {
            wordShare = new float[length];
        }

        return wordShare.AsSpan(0, length);
    }
}

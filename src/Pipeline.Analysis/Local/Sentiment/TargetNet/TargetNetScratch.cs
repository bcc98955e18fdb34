namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>Per-thread buffers of the target networks for one sentence (see <see cref="SentimentWorkspace.TargetNet"/>).</summary>
internal sealed class TargetNetScratch
{
    private float[][] wordPre = [];

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

    /// <summary>Member <paramref name="member"/>'s word pre-activations buffer, at least <paramref name="length"/> long.</summary>
    public Span<float> WordPre(int member, int length)
    {
        if (wordPre.Length <= member)
        {
            Array.Resize(ref wordPre, member + 1);
        }

        if (wordPre[member] is not { } buffer || buffer.Length < length)
        {
            wordPre[member] = buffer = new float[Math.Max(length, (wordPre[member]?.Length ?? 0) * 2)];
        }

        return buffer.AsSpan(0, length);
    }
}

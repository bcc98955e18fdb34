namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>A reusable sparse feature vector: hashed feature ids with values.</summary>
internal sealed class FeatureVector
{
    private ulong[] hashes = new ulong[256];
    private float[] values = new float[256];

    public int Count { get; private set; }

    public ReadOnlySpan<ulong> Hashes => hashes.AsSpan(0, Count);

    public ReadOnlySpan<float> Values => values.AsSpan(0, Count);

    public void Clear() => Count = 0;

    // Inlined: a target's features are a few hundred Adds (growing is the rare, separate path).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(ulong hash, float value = 1f)
    {
        var count = Count;
        if ((uint)count >= (uint)hashes.Length || (uint)count >= (uint)values.Length)
        {
            Grow();
        }

        hashes[count] = hash;
        values[count] = value;
        Count = count + 1;
    }

    private void Grow()
    {
        Array.Resize(ref hashes, Count * 2);
        Array.Resize(ref values, Count * 2);
    }

    public (ulong[] Hashes, float[] Values) ToArrays() => (Hashes.ToArray(), Values.ToArray());
}

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

    public void Add(ulong hash, float value = 1f)
    {
        if (Count == hashes.Length)
        {
            Array.Resize(ref hashes, Count * 2);
            Array.Resize(ref values, Count * 2);
        }

        hashes[Count] = hash;
        values[Count] = value;
        Count++;
    }

    public (ulong[] Hashes, float[] Values) ToArrays() => (Hashes.ToArray(), Values.ToArray());
}

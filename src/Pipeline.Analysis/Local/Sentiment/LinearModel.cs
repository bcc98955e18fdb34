using System.IO.Compression;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Multinomial logistic regression over hashed features, classes ordered negative, neutral, positive.
/// Serialized as zlib-compressed (bucket delta, 3 x Half) rows of the non-zero buckets.
/// </summary>
internal sealed class LinearModel
{
    public const int Classes = 3;
    private const int Magic = 0x31544E53; // "SNT1"

    public LinearModel(int bucketBits, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (bucketBits is < 8 or > 24 || weights.Length != (1 << bucketBits) * Classes)
        {
            throw new ArgumentException("Weights do not match the bucket count.", nameof(weights));
        }

        BucketBits = bucketBits;
        Weights = weights;
    }

    public int BucketBits { get; }

    public float[] Weights { get; }

    public int Bucket(ulong hash) => (int)(hash & ((1UL << BucketBits) - 1));

    /// <summary>Writes class probabilities (negative, neutral, positive) for the features.</summary>
    public void Predict(FeatureVector features, Span<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(features);
        Span<float> logits = stackalloc float[Classes];
        Logits(features.Hashes, features.Values, logits);
        Softmax(logits, probabilities);
    }

    public void Logits(ReadOnlySpan<ulong> hashes, ReadOnlySpan<float> values, Span<float> logits)
    {
        float l0 = 0, l1 = 0, l2 = 0;
        var w = Weights;
        for (var i = 0; i < hashes.Length; i++)
        {
            var b = Bucket(hashes[i]) * Classes;
            var v = values[i];
            l0 += w[b] * v;
            l1 += w[b + 1] * v;
            l2 += w[b + 2] * v;
        }

        logits[0] = l0;
        logits[1] = l1;
        logits[2] = l2;
    }

    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        var max = MathF.Max(logits[0], MathF.Max(logits[1], logits[2]));
        float sum = 0;
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = MathF.Exp(logits[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] /= sum;
        }
    }

    public void Write(Stream stream)
    {
        using var zlib = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zlib);
        writer.Write(Magic);
        writer.Write(BucketBits);
        var buckets = 1 << BucketBits;
        var nonZero = 0;
        for (var b = 0; b < buckets; b++)
        {
            nonZero += IsZero(b) ? 0 : 1;
        }

        writer.Write(nonZero);
        var previous = 0;
        for (var b = 0; b < buckets; b++)
        {
            if (IsZero(b))
            {
                continue;
            }

            writer.Write7BitEncodedInt(b - previous);
            previous = b;
            for (var c = 0; c < Classes; c++)
            {
                writer.Write((Half)Weights[(b * Classes) + c]);
            }
        }
    }

    public static LinearModel Read(Stream stream)
    {
        using var zlib = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zlib);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a sentiment model.");
        }

        var bits = reader.ReadInt32();
        var weights = new float[(1 << bits) * Classes];
        var nonZero = reader.ReadInt32();
        var bucket = 0;
        for (var i = 0; i < nonZero; i++)
        {
            bucket += reader.Read7BitEncodedInt();
            for (var c = 0; c < Classes; c++)
            {
                weights[(bucket * Classes) + c] = (float)reader.ReadHalf();
            }
        }

        return new LinearModel(bits, weights);
    }

    /// <summary>Shifts the class priors: adds the offsets to the weights of an always-on feature.</summary>
    public void AddToFeature(ulong hash, ReadOnlySpan<float> offsets)
    {
        var b = Bucket(hash) * Classes;
        for (var c = 0; c < Classes; c++)
        {
            Weights[b + c] += offsets[c];
        }
    }

    /// <summary>Rounds weights to what serialization keeps, so that trained and loaded models agree exactly.</summary>
    public void RoundToHalf()
    {
        for (var i = 0; i < Weights.Length; i++)
        {
            Weights[i] = (float)(Half)Weights[i];
        }
    }

    private bool IsZero(int bucket) =>
        (Half)Weights[bucket * Classes] == Half.Zero && (Half)Weights[(bucket * Classes) + 1] == Half.Zero && (Half)Weights[(bucket * Classes) + 2] == Half.Zero;
}

using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Trained tagger weights: per hashed-feature bucket, a row of nine 16-bit weights with its own scale.
/// Per-row scales matter: averaged perceptron weights span six orders of magnitude (biases vs rare words),
/// so one global scale would wipe out the small weights. Rows whose largest weight is negligible are pruned,
/// and the file is gzip-compressed: "NER3", buckets log2, tag count, decoder beam width, row scales, weights
/// ("NER2" files have no beam width: greedy).
/// </summary>
public sealed class NerModel : ITagScorer
{
    private const int MagicGreedy = 0x3252454E; // "NER2": trained with greedy decoding
    private const int Magic = 0x3352454E; // "NER3": + beam width the model was trained (and must be decoded) with

    /// <summary>Rows whose largest |w| is below this fraction of the global largest are pruned.</summary>
    private const float PruneBelow = 1e-6f;

    private readonly int _mask;

    /// <summary>Floats per packed row: one 64-byte cache line (9 products, padding).</summary>
    private const int PackedStride = 16;

    /// <summary>One bit per bucket: row kept (about one in ten is; the rest are pruned).</summary>
    private readonly ulong[] _kept;

    /// <summary>Kept rows before each word of <see cref="_kept"/>: bucket → packed row by rank, in 192 KB that stay in cache.</summary>
    private readonly int[] _rank;

    /// <summary>
    /// Non-pruned rows only, each its nine weight × scale products (the exact floats <c>w * scale</c> the scoring
    /// would compute) on its own cache line: one memory miss per feature instead of two (scale, then row) on the
    /// 22 MB table. Pinned so the rows can be aligned to cache lines.
    /// </summary>
    private readonly float[] _packed;

    private readonly int _packedBase;

    /// <summary>
    /// The scale of each kept row, in rank order: with <see cref="_packed"/> it gives back the 16-bit weights exactly
    /// (<see cref="Save"/>), so the full 1M-row weight and scale tables (23 MB) need not stay in memory beside the rows.
    /// </summary>
    private readonly float[] _keptScales;

    private NerModel(int bucketsLog2, ulong[] kept, int[] rank, float[] keptScales, float[] packed, int packedBase)
    {
        BucketsLog2 = bucketsLog2;
        _mask = (1 << bucketsLog2) - 1;
        _kept = kept;
        _rank = rank;
        _keptScales = keptScales;
        _packed = packed;
        _packedBase = packedBase;
    }

    /// <summary>
    /// Packs a model from its rows' scales (all of them first, in bucket order), then its rows' weights (in bucket
    /// order, whole rows), in as many pieces as the caller has: loading streams the file through it and never holds
    /// the full tables.
    /// </summary>
    private sealed class Packer(int bucketsLog2)
    {
        private readonly ulong[] _kept = new ulong[((1 << bucketsLog2) + 63) / 64];
        private readonly List<float> _scales = [];
        private int _scaleRows;
        private int _weightRows;
        private float[]? _packed;
        private int _packedBase;
        private int _nextPacked;

        public int Rows { get; } = 1 << bucketsLog2;

        public void AddScales(ReadOnlySpan<float> scales)
        {
            foreach (var scale in scales)
            {
                if (scale != 0)
                {
                    _kept[_scaleRows / 64] |= 1UL << (_scaleRows % 64);
                    _scales.Add(scale);
                }

                _scaleRows++;
            }
        }

        public void AddWeights(ReadOnlySpan<short> weights)
        {
            if (_packed is null)
            {
                if (_scaleRows != Rows)
                {
                    throw new InvalidOperationException("Every row's scale comes before the weights.");
                }

                _packed = GC.AllocateArray<float>((_scales.Count * PackedStride) + PackedStride, pinned: true);
                var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_packed, 0);
                _packedBase = (int)((64 - (address & 63)) & 63) / sizeof(float);
            }

            for (var i = 0; i + NerTags.Count <= weights.Length; i += NerTags.Count, _weightRows++)
            {
                if ((_kept[_weightRows / 64] & (1UL << (_weightRows % 64))) == 0)
                {
                    continue;
                }

                var at = _packedBase + (_nextPacked * PackedStride);
                var scale = _scales[_nextPacked++];
                for (var t = 0; t < NerTags.Count; t++)
                {
                    _packed[at + t] = weights[i + t] * scale;
                }
            }
        }

        public NerModel Build(int beamWidth)
        {
            AddWeights([]);
            if (_weightRows != Rows)
            {
                throw new InvalidOperationException("Not every row's weights were given.");
            }

            var rank = new int[_kept.Length];
            var used = 0;
            for (var w = 0; w < _kept.Length; w++)
            {
                rank[w] = used;
                used += System.Numerics.BitOperations.PopCount(_kept[w]);
            }

            return new NerModel(bucketsLog2, _kept, rank, [.. _scales], _packed!, _packedBase) { BeamWidth = beamWidth };
        }
    }

    /// <summary>Offset of a feature's packed row in <see cref="_packed"/>, or -1 when its row was pruned.</summary>
    private int PackedRow(ulong feature)
    {
        var bucket = FeatureHash.Bucket(feature, _mask);
        var word = _kept[bucket >> 6];
        var bit = 1UL << (bucket & 63);
        if ((word & bit) == 0)
        {
            return -1;
        }

        return _packedBase + ((_rank[bucket >> 6] + System.Numerics.BitOperations.PopCount(word & (bit - 1))) * PackedStride);
    }

    public int BucketsLog2 { get; }

    /// <summary>Beam width used in training; 1 = greedy. Decoding must match (raw scores are summed over the beam).</summary>
    public int BeamWidth { get; init; } = 1;

    /// <summary>Rows with at least one non-zero weight.</summary>
    public int NonZeroRows => _keptScales.Length;

    public static NerModel Quantize(float[] weights, int bucketsLog2, int beamWidth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        ArgumentNullException.ThrowIfNull(weights);
        var rows = 1 << bucketsLog2;
        if (weights.Length != rows * NerTags.Count)
        {
            throw new ArgumentException("Weight table size does not match the bucket count.", nameof(weights));
        }

        var globalMax = weights.Length == 0 ? 0 : weights.Max(Math.Abs);
        var scales = new float[rows];
        var q = new short[weights.Length];
        for (var r = 0; r < rows; r++)
        {
            var row = weights.AsSpan(r * NerTags.Count, NerTags.Count);
            var max = 0f;
            foreach (var w in row)
            {
                max = Math.Max(max, Math.Abs(w));
            }

            if (max == 0 || max < globalMax * PruneBelow)
            {
                continue;
            }

            var scale = max / short.MaxValue;
            scales[r] = scale;
            for (var t = 0; t < NerTags.Count; t++)
            {
                q[(r * NerTags.Count) + t] = (short)Math.Clamp(MathF.Round(row[t] / scale), -short.MaxValue, short.MaxValue);
            }
        }

        var packer = new Packer(bucketsLog2);
        packer.AddScales(scales);
        packer.AddWeights(q);
        return packer.Build(beamWidth);
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(BucketsLog2);
        writer.Write(NerTags.Count);
        writer.Write(BeamWidth);
        // Pruned rows are written as zeros; a kept row's weights come back exactly from its products (|w| < 2^15,
        // so w * scale / scale is within 2^-8 of w and rounds to it).
        var rows = 1 << BucketsLog2;
        var scales = new float[rows];
        var weights = new short[rows * NerTags.Count];
        var next = 0;
        for (var r = 0; r < rows; r++)
        {
            if ((_kept[r / 64] & (1UL << (r % 64))) == 0)
            {
                continue;
            }

            var scale = scales[r] = _keptScales[next];
            var at = _packedBase + (next++ * PackedStride);
            for (var t = 0; t < NerTags.Count; t++)
            {
                weights[(r * NerTags.Count) + t] = (short)MathF.Round(_packed[at + t] / scale);
            }
        }

        writer.Write(MemoryMarshal.AsBytes(scales.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
    }

    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        var magic = reader.ReadInt32();
        if (magic is not (Magic or MagicGreedy))
        {
            throw new InvalidDataException("Not a NER model (bad magic).");
        }

        var log2 = reader.ReadInt32();
        var tags = reader.ReadInt32();
        var beam = magic == Magic ? reader.ReadInt32() : 1;
        if (beam is < 1 or > 16)
        {
            throw new InvalidDataException($"Unsupported NER model beam width {beam}.");
        }

        if (tags != NerTags.Count || log2 is < 4 or > 24)
        {
            throw new InvalidDataException($"Unsupported NER model shape: 2^{log2} buckets, {tags} tags.");
        }

        // Streamed in 64 KB pieces: the full tables (4 MB of scales, 19 MB of weights) were garbage once packed.
        var packer = new Packer(log2);
        var scales = new float[ChunkRows * 4];
        for (var done = 0; done < packer.Rows; done += scales.Length)
        {
            var piece = scales.AsSpan(0, Math.Min(scales.Length, packer.Rows - done));
            ReadExactly(gzip, MemoryMarshal.AsBytes(piece));
            packer.AddScales(piece);
        }

        var weights = new short[ChunkRows * tags];
        for (var done = 0; done < packer.Rows; done += ChunkRows)
        {
            var piece = weights.AsSpan(0, Math.Min(ChunkRows, packer.Rows - done) * tags);
            ReadExactly(gzip, MemoryMarshal.AsBytes(piece));
            packer.AddWeights(piece);
        }

        return packer.Build(beam);
    }

    /// <summary>Rows per piece when loading (72 KB of weights: under the large-object threshold).</summary>
    private const int ChunkRows = 4096;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var packed = _packed;
        foreach (var f in features)
        {
            if (f == 0)
            {
                continue;
            }

            var at = PackedRow(f);
            if (at < 0)
            {
                continue;
            }

            for (var t = 0; t < NerTags.Count; t++)
            {
                scores[t] += packed[at + t];
            }
        }
    }

    [ThreadStatic]
    private static float t_sink;

    /// <summary>
    /// Scores many tokens' features at once (<paramref name="slots"/> features per token, <see cref="NerTags.Count"/>
    /// scores per token, added to <paramref name="scores"/>): same sums, in the same order, as <see cref="Score"/> per token.
    /// A token's features end at its first empty (0) slot, as <see cref="NerFeatureExtractor"/> writes them.
    /// </summary>
    /// <remarks>The weight table misses the caches on many features; finding every row first, then touching every row,
    /// lets the CPU overlap those misses instead of waiting on each in turn.</remarks>
    internal void ScoreMany(ReadOnlySpan<ulong> features, int slots, Span<float> scores)
    {
        var count = features.Length;
        var rows = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        var owners = System.Buffers.ArrayPool<int>.Shared.Rent(count);
        var packed = _packed;
        var sink = 0f;
        var found = 0;
        for (var token = 0; token * slots < count; token++)
        {
            foreach (var f in features.Slice(token * slots, slots))
            {
                if (f == 0)
                {
                    break;
                }

                var at = PackedRow(f);
                if (at >= 0)
                {
                    rows[found] = at;
                    owners[found++] = token;
                    sink += packed[at];
                }
            }
        }

        t_sink = sink;
        if (found > 0)
        {
            // Checked once here (the largest owner is the last): the adds below read and write unchecked.
            _ = scores[(owners[found - 1] * NerTags.Count) + NerTags.Count - 1];
        }

        ref var into0 = ref MemoryMarshal.GetReference(scores);
        ref var packed0 = ref MemoryMarshal.GetArrayDataReference(packed);
        for (var i = 0; i < found; i++)
        {
            // Tags 0-7 in vector lanes, tag 8 alone: each tag's sum in the same order as a scalar loop.
            ref var row = ref Unsafe.Add(ref packed0, rows[i]);
            ref var into = ref Unsafe.Add(ref into0, owners[i] * NerTags.Count);
            (Vector256.LoadUnsafe(ref into) + Vector256.LoadUnsafe(ref row)).StoreUnsafe(ref into);
            Unsafe.Add(ref into, 8) += Unsafe.Add(ref row, 8);
        }

        System.Buffers.ArrayPool<int>.Shared.Return(rows);
        System.Buffers.ArrayPool<int>.Shared.Return(owners);
    }

    private static void ReadExactly(Stream stream, Span<byte> into)
    {
        try
        {
            stream.ReadExactly(into);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Truncated NER model.", e);
        }
    }
}

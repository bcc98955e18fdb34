using System.IO.Compression;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// Target networks trained from different seeds whose probabilities are averaged, and the share
/// (<see cref="Weight"/>) of that average in a target's scores, the rest being the linear target model's.
/// Serialized zlib-compressed: magic, weight, vector dimensions, members (inputs, word inputs, hidden, parameters).
/// </summary>
internal sealed class TargetNetEnsemble
{
    private const int Magic = 0x31544E54; // "TNT1"
    private const string ResourceName = "Pipeline.Analysis.Sentiment.target-net.bin";

    private static readonly Lazy<TargetNetEnsemble?> LazyDefault = new(LoadDefault);

    private readonly FusedTargetNetworks fused;

    /// <summary>Words whose share of the convolution is cached (the most frequent; ~1.2 KB each at three 32-unit members).</summary>
    public const int DefaultCachedWords = 10_000;

    public TargetNetEnsemble(IReadOnlyList<TargetNetwork> members, float weight, int vectorDimensions, int cachedWords = DefaultCachedWords)
    {
        if (members.Count == 0 || members[0].H % System.Numerics.Vector<float>.Count != 0 || members.Any(m => m.D != members[0].D || m.H != members[0].H
            || m.WordInputs != vectorDimensions + 1 + TargetNetInput.WordFlagsCount || m.D != m.WordInputs + TargetNetInput.RelativeCount))
        {
            throw new ArgumentException("Members must share one shape (hidden units a multiple of the SIMD width) and the input layout of TargetNetInput.", nameof(members));
        }

        Members = members;
        Weight = weight;
        VectorDimensions = vectorDimensions;
        fused = new FusedTargetNetworks(members, vectorDimensions, cachedWords);
    }

    public IReadOnlyList<TargetNetwork> Members { get; }

    /// <summary>Share of the networks' average in a target's probabilities.</summary>
    public float Weight { get; }

    public int VectorDimensions { get; }

    /// <summary>The embedded ensemble, or null when the analyzer was built without one.</summary>
    public static TargetNetEnsemble? Default => LazyDefault.Value;

    /// <summary>
    /// Encodes the sentence the workspace holds, with its targets' tokens, and computes what every target of it shares.
    /// </summary>
    public void BeginSentence(SentimentWorkspace ws, WordClasses classes, TargetNetScratch scratch, ReadOnlySpan<(int From, int To)> targets) =>
        fused.BeginSentence(ws, classes, scratch, targets);

    /// <summary>Mean of the members' probabilities (negative, neutral, positive) for the target [from, to) of the sentence begun last.</summary>
    public void Predict(TargetNetScratch scratch, int from, int to, Span<float> probabilities) =>
        fused.Predict(scratch, from, to, probabilities);

    /// <summary>
    /// The same mean computed member by member, as they were trained (<see cref="TargetNetwork.SentencePart"/> and
    /// <see cref="TargetNetwork.TargetPart"/>): the reference the fused <see cref="Predict"/> must match.
    /// </summary>
    public void PredictByMember(TargetNetInput input, int from, int to, Span<float> probabilities)
    {
        probabilities.Clear();
        var a = new TargetNetActivations();
        Span<float> p = stackalloc float[LinearModel.Classes];
        foreach (var member in Members)
        {
            var wordPre = new float[input.Tokens * member.H];
            member.SentencePart(input, wordPre);
            member.TargetPart(input, wordPre, from, to, a);
            LinearModel.Softmax(a.Logits, p);
            for (var c = 0; c < p.Length; c++)
            {
                probabilities[c] += p[c] / Members.Count;
            }
        }
    }

    public void Write(Stream stream)
    {
        using var zlib = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zlib);
        writer.Write(Magic);
        writer.Write(Weight);
        writer.Write(VectorDimensions);
        writer.Write(Members.Count);
        foreach (var member in Members)
        {
            writer.Write(member.D);
            writer.Write(member.WordInputs);
            writer.Write(member.H);
            foreach (var value in member.Parameters)
            {
                writer.Write(value);
            }
        }
    }

    public static TargetNetEnsemble Read(Stream stream)
    {
        using var zlib = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zlib);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a target-network file.");
        }

        var weight = reader.ReadSingle();
        var vectorDimensions = reader.ReadInt32();
        var members = new TargetNetwork[reader.ReadInt32()];
        for (var m = 0; m < members.Length; m++)
        {
            var shape = new TargetNetwork(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            for (var i = 0; i < shape.Parameters.Length; i++)
            {
                shape.Parameters[i] = reader.ReadSingle();
            }

            members[m] = shape;
        }

        return new TargetNetEnsemble(members, weight, vectorDimensions);
    }

    private static TargetNetEnsemble? LoadDefault()
    {
        using var stream = typeof(TargetNetEnsemble).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}

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

    public TargetNetEnsemble(IReadOnlyList<TargetNetwork> members, float weight, int vectorDimensions)
    {
        if (members.Count == 0 || members.Any(m => m.D != members[0].D || m.WordInputs != vectorDimensions + 1 + TargetNetInput.WordFlagsCount
            || m.D != m.WordInputs + TargetNetInput.RelativeCount))
        {
            throw new ArgumentException("Members must share the input layout of TargetNetInput.", nameof(members));
        }

        Members = members;
        Weight = weight;
        VectorDimensions = vectorDimensions;
    }

    public IReadOnlyList<TargetNetwork> Members { get; }

    /// <summary>Share of the networks' average in a target's probabilities.</summary>
    public float Weight { get; }

    public int VectorDimensions { get; }

    /// <summary>The embedded ensemble, or null when the analyzer was built without one.</summary>
    public static TargetNetEnsemble? Default => LazyDefault.Value;

    /// <summary>Encodes the sentence the workspace holds (into the scratch's input) and reads it with every member.</summary>
    public void BeginSentence(SentimentWorkspace ws, WordClasses classes, TargetNetScratch scratch)
    {
        var input = scratch.InputFor(VectorDimensions);
        input.Encode(ws, classes);
        ReadSentence(input, scratch);
    }

    /// <summary>Each member's word pre-activations of an encoded sentence (once per sentence, before <see cref="Predict"/>).</summary>
    public void ReadSentence(TargetNetInput input, TargetNetScratch scratch)
    {
        for (var m = 0; m < Members.Count; m++)
        {
            Members[m].SentencePart(input, scratch.WordPre(m, input.Tokens * Members[m].H));
        }
    }

    /// <summary>Mean of the members' probabilities (negative, neutral, positive) for the target [from, to) of the sentence last read.</summary>
    public void Predict(TargetNetInput input, TargetNetScratch scratch, int from, int to, Span<float> probabilities)
    {
        probabilities.Clear();
        Span<float> p = stackalloc float[LinearModel.Classes];
        for (var m = 0; m < Members.Count; m++)
        {
            var member = Members[m];
            member.TargetPart(input, scratch.WordPre(m, input.Tokens * member.H), from, to, scratch.Activations);
            LinearModel.Softmax(scratch.Activations.Logits, p);
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

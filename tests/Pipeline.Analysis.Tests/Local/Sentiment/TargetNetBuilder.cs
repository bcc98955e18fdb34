using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>Target-network ensembles with seeded random weights, for vectors of <see cref="WordClassTableBuilder.Dimensions"/>.</summary>
internal sealed class TargetNetBuilder
{
    // A multiple of every SIMD width the ensemble's kernels use (8 or 16 floats).
    public const int Hidden = 16;

    private int members = 2;
    private int seed = 1;
    private float weight = 0.5f;
    private float negativeBias;

    public TargetNetBuilder WithMembers(int count)
    {
        members = count;
        return this;
    }

    public TargetNetBuilder WithSeed(int value)
    {
        seed = value;
        return this;
    }

    public TargetNetBuilder WithWeight(float value)
    {
        weight = value;
        return this;
    }

    /// <summary>Adds to every member's negative logit (large values make the networks say negative whatever they read).</summary>
    public TargetNetBuilder WithNegativeBias(float value)
    {
        negativeBias = value;
        return this;
    }

    public TargetNetEnsemble Build()
    {
        var random = new Random(seed);
        var wordInputs = WordClassTableBuilder.Dimensions + 1 + TargetNetInput.WordFlagsCount;
        var nets = new TargetNetwork[members];
        for (var m = 0; m < members; m++)
        {
            var net = new TargetNetwork(wordInputs + TargetNetInput.RelativeCount, wordInputs, Hidden);
            for (var i = 0; i < net.Parameters.Length; i++)
            {
                net.Parameters[i] = (random.NextSingle() * 2) - 1;
            }

            net.Parameters[net.COffset] += negativeBias;
            nets[m] = net;
        }

        return new TargetNetEnsemble(nets, weight, WordClassTableBuilder.Dimensions);
    }
}

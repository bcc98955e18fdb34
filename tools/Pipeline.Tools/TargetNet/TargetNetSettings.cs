using System.Globalization;
using static Pipeline.Tools.CommandOptions;

namespace Pipeline.Tools.TargetNet;

/// <param name="Members">Networks trained from seeds Seed, Seed + 1, ... and averaged.</param>
/// <param name="Weight">Share of the networks in a target's probabilities (the rest is the linear target model's).</param>
internal sealed record TargetNetSettings(
    int Hidden = 32, int Epochs = 6, float LearningRate = 0.002f, float L2 = 0.0001f, int Batch = 8, float Dropout = 0.4f,
    int Seed = 7, int Members = 3, float Weight = 0.5f)
{
    /// <summary>The defaults, overridden by --net-hidden, --net-epochs, --net-lr, --net-l2, --net-batch, --net-dropout, --net-seed, --net-members, --net-weight.</summary>
    public static TargetNetSettings FromOptions(IReadOnlyList<string> args)
    {
        var d = new TargetNetSettings();
        return new TargetNetSettings(
            Hidden: int.Parse(Option(args, "--net-hidden") ?? d.Hidden.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Epochs: int.Parse(Option(args, "--net-epochs") ?? d.Epochs.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            LearningRate: float.Parse(Option(args, "--net-lr") ?? d.LearningRate.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            L2: float.Parse(Option(args, "--net-l2") ?? d.L2.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Batch: int.Parse(Option(args, "--net-batch") ?? d.Batch.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Dropout: float.Parse(Option(args, "--net-dropout") ?? d.Dropout.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Seed: int.Parse(Option(args, "--net-seed") ?? d.Seed.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Members: int.Parse(Option(args, "--net-members") ?? d.Members.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Weight: float.Parse(Option(args, "--net-weight") ?? d.Weight.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }
}

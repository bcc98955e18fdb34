using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// How <c>train-ner</c> trains one tagger: features, hashed table size, epochs, first seed, beam width, and the share of
/// the largest weight below which a whole row (one feature bucket's nine tag weights) is dropped before quantization.
/// </summary>
internal sealed record NerTrainingSettings(NerFeatureExtractor Features, int BucketsLog2, int Epochs, int Seed, int Beam, float Prune = 0)
{
    /// <summary>
    /// Trains <paramref name="ensemble"/> models on differently shuffled orders (seeds Seed..Seed+K-1) and averages their
    /// averaged weights (parameter mixing): same model size and decoding cost, less order-dependent variance.
    /// <paramref name="afterEpoch"/>, if given, sees the mixed model after each epoch.
    /// </summary>
    public NerModel Train(IReadOnlyList<LabelledSentence> train, int ensemble, Action<int, NerModel>? afterEpoch = null)
    {
        var sums = new float[Epochs][];
        for (var m = 0; m < ensemble; m++)
        {
            var trainer = new NerTrainer(Features, BucketsLog2, Seed + m, Beam);
            var last = m == ensemble - 1;
            trainer.Train(train, Epochs, (epoch, current) =>
            {
                // Only the last epoch's weights are kept unless every epoch is reported.
                if (afterEpoch is null && epoch < Epochs - 1)
                {
                    return;
                }

                var averaged = current.Averaged();
                if (sums[epoch] is not { } sum)
                {
                    sums[epoch] = averaged;
                }
                else
                {
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += averaged[i];
                    }
                }

                if (last)
                {
                    var mixed = sums[epoch];
                    if (ensemble > 1)
                    {
                        for (var i = 0; i < mixed.Length; i++)
                        {
                            mixed[i] /= ensemble;
                        }
                    }

                    afterEpoch?.Invoke(epoch, Quantize(mixed));
                }
            });
        }

        return Quantize(sums[Epochs - 1]);
    }

    /// <summary>
    /// Resident memory is one 64-byte packed row per kept bucket: more training data touches more buckets (4× the rows
    /// with the extra corpora), most of them rare features whose weights are too small to change a decision.
    /// </summary>
    private NerModel Quantize(float[] weights)
    {
        if (Prune > 0)
        {
            var threshold = weights.Max(Math.Abs) * Prune;
            for (var r = 0; r < weights.Length; r += NerTags.Count)
            {
                var row = weights.AsSpan(r, NerTags.Count);
                var max = 0f;
                foreach (var w in row)
                {
                    max = Math.Max(max, Math.Abs(w));
                }

                if (max < threshold)
                {
                    row.Clear();
                }
            }
        }

        return NerModel.Quantize(weights, BucketsLog2, Beam);
    }
}

using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools;

/// <summary>A featurized training example: hashed features and a class (0 negative, 1 neutral, 2 positive).</summary>
internal sealed record FeaturizedExample(ulong[] Hashes, float[] Values, int Label, float Weight = 1f);

/// <summary>
/// Multinomial logistic regression trained with AdaGrad and L2, single-threaded over a seeded shuffle, so the
/// same data and options always give the same weights. Class weights balance the classes for macro-F1.
/// </summary>
internal sealed record LogisticRegressionTrainer(int BucketBits = 18, int Epochs = 10, float LearningRate = 0.1f, float L2 = 1e-5f, int Seed = 20261122, bool BalanceClasses = true, int Runs = 1)
{
    /// <summary>Trains <see cref="Runs"/> models on differently shuffled data and averages their weights (less variance).</summary>
    public LinearModel Train(IReadOnlyList<FeaturizedExample> data)
    {
        var sum = new float[(1 << BucketBits) * LinearModel.Classes];
        for (var run = 0; run < Runs; run++)
        {
            var weights = TrainOnce(data, Seed + run).Weights;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += weights[i] / Runs;
            }
        }

        var model = new LinearModel(BucketBits, sum);
        model.RoundToHalf();
        return model;
    }

    private LinearModel TrainOnce(IReadOnlyList<FeaturizedExample> data, int seed)
    {
        var classes = LinearModel.Classes;
        var weights = new float[(1 << BucketBits) * classes];
        var squares = new float[weights.Length];
        var model = new LinearModel(BucketBits, weights);
        var classWeight = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            var count = data.Count(e => e.Label == c);
            classWeight[c] = BalanceClasses && count > 0 ? data.Count / (float)(classes * count) : 1f;
        }

        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(seed);
        Span<float> logits = stackalloc float[classes];
        Span<float> p = stackalloc float[classes];
        var average = new float[weights.Length];
        var averaged = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var example = data[index];
                model.Logits(example.Hashes, example.Values, logits);
                LinearModel.Softmax(logits, p);
                var scale = classWeight[example.Label] * example.Weight;
                for (var i = 0; i < example.Hashes.Length; i++)
                {
                    var b = model.Bucket(example.Hashes[i]) * classes;
                    var v = example.Values[i];
                    for (var c = 0; c < classes; c++)
                    {
                        var g = (scale * (p[c] - (c == example.Label ? 1f : 0f)) * v) + (L2 * weights[b + c]);
                        squares[b + c] += g * g;
                        weights[b + c] -= LearningRate * g / (MathF.Sqrt(squares[b + c]) + 1e-6f);
                    }
                }
            }

            // Average the weights of the later epochs: smoother than the last iterate.
            if (epoch >= Epochs / 2)
            {
                for (var i = 0; i < weights.Length; i++)
                {
                    average[i] += weights[i];
                }

                averaged++;
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = average[i] / averaged;
        }

        return model;
    }
}

using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools.TargetNet;

/// <summary>Adam on class-balanced cross-entropy in mini-batches, dropout on the pooled vector; deterministic for a seed.</summary>
internal static class TargetNetTrainer
{
    public static TargetNetEnsemble TrainEnsemble(IReadOnlyList<TargetNetExample> examples, TargetNetSettings settings) =>
        new([.. Enumerable.Range(0, settings.Members).Select(m => Train(examples, settings with { Seed = settings.Seed + m }))],
            settings.Weight, examples[0].Input.VectorDimensions);

    public static TargetNetwork Train(IReadOnlyList<TargetNetExample> examples, TargetNetSettings settings)
    {
        var input = examples[0].Input;
        var net = new TargetNetwork(input.Dimensions, input.WordDimensions, settings.Hidden);
        var random = new Random(settings.Seed);
        var p = net.Parameters;
        Initialize(p.AsSpan(0, net.BOffset), MathF.Sqrt(6f / ((TargetNetwork.Window * net.D) + net.H)), random);
        Initialize(p.AsSpan(net.UOffset, net.H), 0.1f, random);
        Initialize(p.AsSpan(net.VOffset, net.COffset - net.VOffset), MathF.Sqrt(6f / (net.PooledSize + LinearModel.Classes)), random);

        var counts = new int[LinearModel.Classes];
        foreach (var e in examples)
        {
            counts[e.Label]++;
        }

        var classWeight = counts.Select(c => examples.Count / ((float)LinearModel.Classes * Math.Max(c, 1))).ToArray();
        var grad = new float[p.Length];
        var m = new float[p.Length];
        var v = new float[p.Length];
        const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
        var step = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var dropMask = new float[net.PooledSize];
        var activations = new TargetNetActivations();
        var wordPre = Array.Empty<float>();
        Span<float> dLogits = stackalloc float[LinearModel.Classes];
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += settings.Batch)
            {
                Array.Clear(grad);
                var end = Math.Min(order.Length, start + settings.Batch);
                for (var b = start; b < end; b++)
                {
                    var e = examples[order[b]];
                    for (var j = 0; j < dropMask.Length; j++)
                    {
                        dropMask[j] = random.NextSingle() < settings.Dropout ? 0 : 1 / (1 - settings.Dropout);
                    }

                    var size = e.Input.Tokens * net.H;
                    if (wordPre.Length < size)
                    {
                        wordPre = new float[size * 2];
                    }

                    net.SentencePart(e.Input, wordPre.AsSpan(0, size));
                    net.TargetPart(e.Input, wordPre.AsSpan(0, size), e.From, e.To, activations, dropMask);
                    LinearModel.Softmax(activations.Logits, dLogits);
                    var weight = classWeight[e.Label] / (end - start);
                    for (var c = 0; c < dLogits.Length; c++)
                    {
                        var gold = e.Soft is { } soft ? soft[c] : c == e.Label ? 1 : 0;
                        dLogits[c] = weight * (dLogits[c] - gold);
                    }

                    TargetNetGradient.Backward(net, e, activations, dLogits, dropMask, grad);
                }

                step++;
                var lr = settings.LearningRate * MathF.Sqrt(1 - MathF.Pow(Beta2, step)) / (1 - MathF.Pow(Beta1, step));
                for (var i = 0; i < p.Length; i++)
                {
                    var g = grad[i] + (settings.L2 * p[i]);
                    m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g);
                    v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g * g);
                    p[i] -= lr * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
                }
            }
        }

        return net;
    }

    private static void Initialize(Span<float> p, float scale, Random random)
    {
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = ((random.NextSingle() * 2) - 1) * scale;
        }
    }
}

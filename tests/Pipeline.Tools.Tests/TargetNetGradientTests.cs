using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Tools;
using Pipeline.Tools.TargetNet;

namespace Pipeline.Tools.Tests;

public sealed class TargetNetGradientTests
{
    private const int Hidden = 16;

    private static readonly WordClasses Table = new(
        [new("okafor", default), new("praised", default), new("brandt", default), new("the", default)],
        4, 1, 4, [32, 0, -32, 16, 16, 64, 0, -32, -32, 32, 32, 0, 0, 0, 8, 8]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Backward_RandomNetwork_MatchesFiniteDifferences(int label)
    {
        var example = Examples([new SentimentExample("The Okafor committee praised Brandt and the plan.", label, 0, 4, 10)])[0];
        var net = RandomNetwork(seed: 3);
        var dropMask = Enumerable.Range(0, net.PooledSize).Select(j => j % 5 == 0 ? 0f : 1.25f).ToArray();

        var grad = new float[net.ParameterCount];
        var a = new TargetNetActivations();
        Forward(net, example, a, dropMask);
        var dLogits = new float[3];
        LinearModel.Softmax(a.Logits, dLogits);
        dLogits[label] -= 1;
        TargetNetGradient.Backward(net, example, a, dLogits, dropMask, grad);

        // Every parameter group: word and relative columns, bias, attention, output weights and biases.
        var checkedIndices = Enumerable.Range(0, net.ParameterCount).Where(i => i % 7 == 0 || i >= net.BOffset).ToList();
        var compared = 0;
        foreach (var i in checkedIndices)
        {
            var numeric = NumericGradient(net, example, dropMask, label, i);
            if (float.IsNaN(numeric))
            {
                continue; // a ReLU kink inside the step: the finite difference is not a derivative there
            }

            Assert.True(MathF.Abs(numeric - grad[i]) <= 2e-3f + (0.02f * MathF.Abs(grad[i])), $"parameter {i}: numeric {numeric}, backward {grad[i]}");
            compared++;
        }

        Assert.True(compared > checkedIndices.Count * 9 / 10, $"only {compared} of {checkedIndices.Count} compared");
        Assert.Contains(checkedIndices, i => i < net.BOffset && grad[i] != 0);
    }

    [Fact]
    public void TrainEnsemble_SeparableSentences_LearnsThemDeterministically()
    {
        var rows = new List<SentimentExample>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add(new SentimentExample($"Okafor praised the plan {i}.", 2, 0, 0, 6));
            rows.Add(new SentimentExample($"Okafor brandt the plan {i}.", 0, 0, 0, 6));
            rows.Add(new SentimentExample($"Okafor the the plan {i}.", 1, 0, 0, 6));
        }

        var examples = Examples(rows);
        var settings = new TargetNetSettings(Hidden: Hidden, Epochs: 8, Members: 2, Seed: 5);

        var first = TargetNetTrainer.TrainEnsemble(examples, settings);
        var second = TargetNetTrainer.TrainEnsemble(examples, settings);

        Assert.Equal(first.Members[1].Parameters, second.Members[1].Parameters);
        var p = new float[3];
        foreach (var e in examples.Take(3))
        {
            first.PredictByMember(e.Input, e.From, e.To, p);
            Assert.Equal(e.Label, Array.IndexOf(p, p.Max()));
        }
    }

    private static List<TargetNetExample> Examples(IReadOnlyList<SentimentExample> rows) =>
        TargetNetExamples.Encode(rows, VaderLexicon.Default, Table);

    private static TargetNetwork RandomNetwork(int seed)
    {
        var wordInputs = Table.VectorDimensions + 1 + TargetNetInput.WordFlagsCount;
        var net = new TargetNetwork(wordInputs + TargetNetInput.RelativeCount, wordInputs, Hidden);
        var random = new Random(seed);
        for (var i = 0; i < net.ParameterCount; i++)
        {
            net.Parameters[i] = (random.NextSingle() * 2) - 1;
        }

        return net;
    }

    private static void Forward(TargetNetwork net, TargetNetExample e, TargetNetActivations a, float[] dropMask)
    {
        var wordPre = new float[e.Input.Tokens * net.H];
        net.SentencePart(e.Input, wordPre);
        net.TargetPart(e.Input, wordPre, e.From, e.To, a, dropMask);
    }

    private static float Loss(TargetNetwork net, TargetNetExample e, float[] dropMask, int label)
    {
        var a = new TargetNetActivations();
        Forward(net, e, a, dropMask);
        var p = new float[3];
        LinearModel.Softmax(a.Logits, p);
        return -MathF.Log(p[label]);
    }

    // Central difference; NaN when the two halves of the step disagree (a ReLU or max-pool switch inside it).
    private static float NumericGradient(TargetNetwork net, TargetNetExample e, float[] dropMask, int label, int i)
    {
        const float Step = 1e-2f;
        var original = net.Parameters[i];
        var center = Loss(net, e, dropMask, label);
        net.Parameters[i] = original + Step;
        var up = Loss(net, e, dropMask, label);
        net.Parameters[i] = original - Step;
        var down = Loss(net, e, dropMask, label);
        net.Parameters[i] = original;
        var forward = (up - center) / Step;
        var backward = (center - down) / Step;
        return MathF.Abs(forward - backward) > 0.05f * (MathF.Abs(forward) + MathF.Abs(backward) + 0.01f) ? float.NaN : (up - down) / (2 * Step);
    }
}

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Multiclass averaged perceptron over hashed features (rows of <see cref="NerTags.Count"/> weights).
/// Averaging is lazy: each weight remembers when it last changed, so an update costs O(features).
/// </summary>
public sealed class AveragedPerceptron : ITagScorer
{
    private readonly float[] _weights;
    private readonly double[] _totals;
    private readonly int[] _stamps;
    private int _instances;

    public AveragedPerceptron(int bucketsLog2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketsLog2, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketsLog2, 24);
        BucketsLog2 = bucketsLog2;
        Mask = (1 << bucketsLog2) - 1;
        var size = (1 << bucketsLog2) * NerTags.Count;
        _weights = new float[size];
        _totals = new double[size];
        _stamps = new int[size];
    }

    public int BucketsLog2 { get; }

    internal int Mask { get; }

    /// <summary>Counts one training instance (a token) for averaging.</summary>
    public void Tick() => _instances++;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (f == 0)
            {
                continue;
            }

            var row = FeatureHash.Bucket(f, Mask) * NerTags.Count;
            for (var t = 0; t < NerTags.Count; t++)
            {
                scores[t] += _weights[row + t];
            }
        }
    }

    /// <summary>Perceptron update: reward the gold tag's weights, penalise the guessed tag's.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        if (gold == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            if (f == 0)
            {
                continue;
            }

            var row = FeatureHash.Bucket(f, Mask) * NerTags.Count;
            Change(row + gold, 1);
            Change(row + guess, -1);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to one tag's weights of every feature (sequence-level updates).</summary>
    public void Add(ReadOnlySpan<ulong> features, int tag, float delta)
    {
        foreach (var f in features)
        {
            if (f != 0)
            {
                Change((FeatureHash.Bucket(f, Mask) * NerTags.Count) + tag, delta);
            }
        }
    }

    /// <summary>Current (not averaged) weight, for tests.</summary>
    public float Weight(ulong feature, int tag) => _weights[(FeatureHash.Bucket(feature, Mask) * NerTags.Count) + tag];

    /// <summary>Weights averaged over every instance seen so far.</summary>
    public float[] Averaged()
    {
        var avg = new float[_weights.Length];
        if (_instances == 0)
        {
            return avg;
        }

        for (var i = 0; i < avg.Length; i++)
        {
            var total = _totals[i] + ((double)(_instances - _stamps[i]) * _weights[i]);
            avg[i] = (float)(total / _instances);
        }

        return avg;
    }

    private void Change(int i, float delta)
    {
        _totals[i] += (double)(_instances - _stamps[i]) * _weights[i];
        _stamps[i] = _instances;
        _weights[i] += delta;
    }
}

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// The inference of a <see cref="TargetNetEnsemble"/>: its members' convolutions side by side (member m's hidden units
/// at m × H), so that the ensemble costs one pass over a sentence, with what every target of a sentence shares computed
/// once (<see cref="BeginSentence"/>) and the rest per target (<see cref="Predict"/>). Equal, up to float rounding, to
/// <see cref="TargetNetEnsemble.PredictByMember"/>.
/// </summary>
internal sealed class FusedTargetNetworks
{
    // One column per input and window offset ([offset][input][width]), all members' hidden units side by side.
    private readonly int width;
    private readonly float[] columns;
    private readonly float[] bias;
    private readonly float[] attentionVector;
    private readonly float[] zeros;

    // Per word-table row, the vector inputs' share of the columns ([offset][width]), computed on first use: a word's
    // vector always contributes the same, so the dense part of the convolution is paid once per word, not per token.
    // Kept with the table whose rows they are, for its cachedRows most frequent words (rows are in frequency order):
    // bounded memory however many words a long-running process meets; rarer words are computed each time.
    private readonly int cachedRows;
    private WordShares shares = new(null, []);

    // Longest distance from the target with a precomputed window sum of the relative inputs (longer ones: computed).
    private const int MaxSharedDistance = 64;
    private readonly float[] sharedRelative;

    public FusedTargetNetworks(IReadOnlyList<TargetNetwork> members, int vectorDimensions, int cachedRows)
    {
        this.cachedRows = cachedRows;
        Members = members;
        VectorDimensions = vectorDimensions;
        var h = members[0].H;
        width = members.Count * h;
        Inputs = members[0].D;
        WordInputs = members[0].WordInputs;
        columns = new float[TargetNetwork.Window * Inputs * width];
        bias = new float[width];
        attentionVector = new float[width];
        zeros = new float[width];
        for (var m = 0; m < members.Count; m++)
        {
            var p = members[m].Parameters;
            p.AsSpan(members[m].BOffset, h).CopyTo(bias.AsSpan(m * h));
            p.AsSpan(members[m].UOffset, h).CopyTo(attentionVector.AsSpan(m * h));
            for (var k = -TargetNetwork.Radius; k <= TargetNetwork.Radius; k++)
            {
                for (var d = 0; d < Inputs; d++)
                {
                    p.AsSpan(members[m].Column(k, d), h).CopyTo(columns.AsSpan(Column(k, d) + (m * h)));
                }
            }
        }

        sharedRelative = SharedRelatives();
    }

    private IReadOnlyList<TargetNetwork> Members { get; }

    private int VectorDimensions { get; }

    private int Inputs { get; }

    private int WordInputs { get; }

    /// <summary>
    /// Encodes the sentence the workspace holds, with its targets' tokens, and computes what every target of it shares:
    /// the word inputs' share of the convolution and that of the name and other-target inputs.
    /// </summary>
    public void BeginSentence(SentimentWorkspace ws, WordClasses classes, TargetNetScratch scratch, ReadOnlySpan<(int From, int To)> targets)
    {
        var input = scratch.InputFor(VectorDimensions);
        input.Encode(ws, classes, vectors: false);
        foreach (var (from, to) in targets)
        {
            input.MarkTarget(from, to);
        }

        var current = shares;
        if (!ReferenceEquals(current.Table, classes))
        {
            var fresh = new WordShares(classes, new float[]?[Math.Min(classes.Count, cachedRows)]);
            current = Interlocked.CompareExchange(ref shares, fresh, current) == current ? fresh : shares;
        }

        var n = input.Tokens;
        var shared = scratch.WordPre(n * width);
        for (var i = 0; i < n; i++)
        {
            bias.CopyTo(shared.Slice(i * width, width));
        }

        var wd = input.WordDimensions;
        Span<(int Input, float Value)> active = stackalloc (int, float)[wd - VectorDimensions + 2];
        for (var s = 0; s < n; s++)
        {
            // The token's non-zero flags, and the name and other-target inputs, which do not depend on which target
            // is scored (Predict takes them back for the scored target's own tokens).
            var x = input.Words.AsSpan((s * wd) + VectorDimensions, wd - VectorDimensions);
            var count = 0;
            for (var d = 0; d < x.Length; d++)
            {
                if (x[d] != 0)
                {
                    active[count++] = (VectorDimensions + d, x[d]);
                }
            }

            if (input.Capitalized[s])
            {
                active[count++] = (WordInputs + TargetNetInput.NameIndex, 1);
            }

            if (input.InAnyTarget[s])
            {
                active[count++] = (WordInputs + TargetNetInput.OtherTargetIndex, 1);
            }

            var row = input.Rows[s];
            var vectorShare = row >= 0 ? WordColumns(current.Rows, row, classes.Vector(row), scratch) : default;
            for (var k = -TargetNetwork.Radius; k <= TargetNetwork.Radius; k++)
            {
                var i = s - k;
                if (i < 0 || i >= n)
                {
                    continue;
                }

                var pre = shared.Slice(i * width, width);
                if (row >= 0)
                {
                    TargetNetwork.Axpy(1, vectorShare.Slice((k + TargetNetwork.Radius) * width, width), pre);
                }

                foreach (var (column, value) in active[..count])
                {
                    TargetNetwork.Axpy(value, columns.AsSpan(Column(k, column), width), pre);
                }
            }
        }
    }

    /// <summary>Mean of the members' probabilities (negative, neutral, positive) for the target [from, to) of the sentence begun last.</summary>
    public void Predict(TargetNetScratch scratch, int from, int to, Span<float> probabilities)
    {
        var input = scratch.Input;
        var n = input.Tokens;
        var h = Members[0].H;
        var members = Members.Count;
        var a = scratch.Activations;
        a.EnsureCapacity(n, width);
        var shared = scratch.WordPre(n * width);
        var hidden = a.Hidden.AsSpan(0, n * width);
        var pre = a.Pre.AsSpan(0, width);
        var pooled = a.Pooled.AsSpan(0, 3 * width);
        pooled.Clear();
        var attention = pooled[..width];
        var max = pooled.Slice(width, width);
        var mean = pooled.Slice(2 * width, width);

        // Attention scores per token and member (then their softmax weights); a target's own tokens get none.
        Span<float> scores = members * n <= 1024 ? stackalloc float[members * n] : new float[members * n];
        Span<float> top = stackalloc float[members];
        top.Fill(float.NegativeInfinity);
        for (var i = 0; i < n; i++)
        {
            var left = i < from;
            var distance = left ? from - i : i - to + 1;
            var row = hidden.Slice(i * width, width);
            var score = scores.Slice(i * members, members);
            if (i > 0 && i < n - 1 && distance >= 2 && distance <= MaxSharedDistance)
            {
                // The whole window lies on one side of the target: one precomputed sum of its relative inputs.
                TargetNetKernels.Row(shared.Slice(i * width, width), SharedRelative(left, distance), row, max, attentionVector, h, score);
            }
            else
            {
                RelativeInputs(input, i, from, to, shared.Slice(i * width, width), pre);
                TargetNetKernels.Row(pre, zeros, row, max, attentionVector, h, score);
            }

            if (i >= from && i < to)
            {
                TargetNetwork.Axpy(1f / (to - from), row, mean);
                continue;
            }

            for (var m = 0; m < members; m++)
            {
                top[m] = Math.Max(top[m], score[m]);
            }
        }

        Span<float> total = stackalloc float[members];
        for (var i = 0; i < n; i++)
        {
            for (var m = 0; m < members && (i < from || i >= to); m++)
            {
                var e = MathF.Exp(scores[(i * members) + m] - top[m]);
                scores[(i * members) + m] = e;
                total[m] += e;
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (i < from || i >= to)
            {
                var weights = scores.Slice(i * members, members);
                for (var m = 0; m < members; m++)
                {
                    weights[m] /= total[m];
                }

                TargetNetKernels.AddWeighted(hidden.Slice(i * width, width), weights, h, attention);
            }
        }

        probabilities.Clear();
        Span<float> logits = stackalloc float[LinearModel.Classes];
        Span<float> p = stackalloc float[LinearModel.Classes];
        for (var m = 0; m < members; m++)
        {
            var parameters = Members[m].Parameters.AsSpan();
            for (var c = 0; c < logits.Length; c++)
            {
                var v = parameters.Slice(Members[m].VOffset + (c * 3 * h), 3 * h);
                logits[c] = parameters[Members[m].COffset + c]
                    + TargetNetwork.Dot(v[..h], attention.Slice(m * h, h))
                    + TargetNetwork.Dot(v.Slice(h, h), max.Slice(m * h, h))
                    + TargetNetwork.Dot(v.Slice(2 * h, h), mean.Slice(m * h, h));
            }

            LinearModel.Softmax(logits, p);
            for (var c = 0; c < p.Length; c++)
            {
                probabilities[c] += p[c] / members;
            }
        }
    }

    // Token i's pre-activations for the target [from, to): the shared part plus the relative inputs of its window,
    // gathered in one pass (at most three inputs for each of the three window words).
    private void RelativeInputs(TargetNetInput input, int i, int from, int to, ReadOnlySpan<float> shared, Span<float> pre)
    {
        Span<(int Offset, float Weight)> terms = stackalloc (int, float)[3 * TargetNetwork.Window];
        var count = 0;
        for (var k = -TargetNetwork.Radius; k <= TargetNetwork.Radius; k++)
        {
            var s = i + k;
            if (s < 0 || s >= input.Tokens)
            {
                continue;
            }

            if (s >= from && s < to)
            {
                terms[count++] = (RelativeOffset(k, TargetNetInput.InTargetIndex), 1);
                if (input.Capitalized[s])
                {
                    terms[count++] = (RelativeOffset(k, TargetNetInput.NameIndex), -1);
                }

                if (input.InAnyTarget[s])
                {
                    terms[count++] = (RelativeOffset(k, TargetNetInput.OtherTargetIndex), -1);
                }

                continue;
            }

            var left = s < from;
            var distance = left ? from - s : s - to + 1;
            terms[count++] = (RelativeOffset(k, TargetNetInput.BucketIndex(left, distance)), 1);
            terms[count++] = (RelativeOffset(k, TargetNetInput.DistanceIndex), 1f / (1 + distance));
        }

        TargetNetKernels.Gather(shared, columns, terms[..count], pre);
    }

    private int RelativeOffset(int k, int relative) => Column(k, WordInputs + relative);

    private ReadOnlySpan<float> RelativeColumn(int k, int relative) => columns.AsSpan(Column(k, WordInputs + relative), width);

    private ReadOnlySpan<float> SharedRelative(bool left, int distance) =>
        sharedRelative.AsSpan(((((left ? 0 : 1) * MaxSharedDistance) + distance - 1) * width), width);

    // For a word `distance` (2..MaxSharedDistance) words left or right of the target, away from the sentence's ends:
    // the bucket and distance inputs of the three words of its window, summed.
    private float[] SharedRelatives()
    {
        var result = new float[2 * MaxSharedDistance * width];
        foreach (var left in new[] { true, false })
        {
            for (var distance = 2; distance <= MaxSharedDistance; distance++)
            {
                var into = result.AsSpan(((((left ? 0 : 1) * MaxSharedDistance) + distance - 1) * width), width);
                for (var k = -TargetNetwork.Radius; k <= TargetNetwork.Radius; k++)
                {
                    // Token i + k: further from the target on its left by k words, nearer on the right (and vice versa).
                    var d = left ? distance - k : distance + k;
                    TargetNetwork.Axpy(1, RelativeColumn(k, TargetNetInput.BucketIndex(left, d)), into);
                    TargetNetwork.Axpy(1f / (1 + d), RelativeColumn(k, TargetNetInput.DistanceIndex), into);
                }
            }
        }

        return result;
    }

    private int Column(int k, int input) => (((k + TargetNetwork.Radius) * Inputs) + input) * width;

    private Span<float> WordColumns(float[]?[] rows, int row, ReadOnlySpan<sbyte> vector, TargetNetScratch scratch)
    {
        if (row >= rows.Length)
        {
            var buffer = scratch.WordShare(TargetNetwork.Window * width);
            FillWordColumns(vector, buffer);
            return buffer;
        }

        if (rows[row] is { } cached)
        {
            return cached;
        }

        var share = new float[TargetNetwork.Window * width];
        FillWordColumns(vector, share);

        // Threads that race here compute the same values; the first one stored is kept.
        return Interlocked.CompareExchange(ref rows[row], share, null) ?? share;
    }

    private void FillWordColumns(ReadOnlySpan<sbyte> vector, Span<float> share)
    {
        Span<float> x = stackalloc float[VectorDimensions];
        for (var d = 0; d < x.Length; d++)
        {
            x[d] = vector[d] / WordClasses.VectorScale;
        }

        // The vector inputs are the first VectorDimensions inputs: their columns are consecutive rows for each offset.
        for (var k = -TargetNetwork.Radius; k <= TargetNetwork.Radius; k++)
        {
            TargetNetKernels.WeightedRows(x, columns.AsSpan(Column(k, 0), VectorDimensions * width), share.Slice((k + TargetNetwork.Radius) * width, width));
        }
    }

    private sealed record WordShares(WordClasses? Table, float[]?[] Rows);
}

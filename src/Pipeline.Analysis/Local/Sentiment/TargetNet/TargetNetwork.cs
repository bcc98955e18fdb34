using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// A small network that reads the words around a target in order: a width-3 convolution over the token inputs,
/// h_i = relu(W [x_{i-1}; x_i; x_{i+1}] + b); attention (u · h_i) over the words outside the target, the maximum over
/// all words and the mean over the target's words, concatenated and mapped to three logits (negative, neutral, positive).
/// The convolution is split in two: the word inputs' share is computed once per sentence
/// (<see cref="SentencePart"/>), the sparse target-relative inputs are added per target (<see cref="TargetPart"/>).
/// Weights are laid out W[offset][input][hidden] so that each input adds one contiguous column.
/// </summary>
internal sealed class TargetNetwork
{
    public const int Radius = 1;
    public const int Window = (2 * Radius) + 1;

    public TargetNetwork(int inputs, int wordInputs, int hidden, float[]? parameters = null)
    {
        D = inputs;
        WordInputs = wordInputs;
        H = hidden;
        BOffset = Window * D * H;
        UOffset = BOffset + H;
        VOffset = UOffset + H;
        COffset = VOffset + (LinearModel.Classes * PooledSize);
        ParameterCount = COffset + LinearModel.Classes;
        Parameters = parameters ?? new float[ParameterCount];
        if (Parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"Expected {ParameterCount} parameters, got {Parameters.Length}.", nameof(parameters));
        }
    }

    /// <summary>Inputs per token (word inputs first, then the target-relative ones).</summary>
    public int D { get; }

    public int WordInputs { get; }

    /// <summary>Hidden units per token.</summary>
    public int H { get; }

    /// <summary>Attention pool, max pool, target mean.</summary>
    public int PooledSize => 3 * H;

    public int BOffset { get; }

    public int UOffset { get; }

    public int VOffset { get; }

    public int COffset { get; }

    public int ParameterCount { get; }

    public float[] Parameters { get; }

    /// <summary>Offset of the weight column of input <paramref name="input"/> at window offset <paramref name="k"/> (-Radius..Radius).</summary>
    public int Column(int k, int input) => ((((k + Radius) * D) + input) * H);

    /// <summary>Pre-activations from the word inputs alone (bias included), tokens × H, once per sentence.</summary>
    public void SentencePart(TargetNetInput input, Span<float> wordPre)
    {
        var n = input.Tokens;
        var p = Parameters.AsSpan();
        var bias = p.Slice(BOffset, H);
        var words = input.Words.AsSpan(0, n * input.WordDimensions);
        for (var i = 0; i < n; i++)
        {
            bias.CopyTo(wordPre.Slice(i * H, H));
        }

        // Each token's inputs add their columns to the three positions whose window covers it.
        for (var s = 0; s < n; s++)
        {
            var x = words.Slice(s * input.WordDimensions, input.WordDimensions);
            for (var k = -Radius; k <= Radius; k++)
            {
                var i = s - k;
                if (i < 0 || i >= n)
                {
                    continue;
                }

                var pre = wordPre.Slice(i * H, H);
                for (var d = 0; d < x.Length; d++)
                {
                    if (x[d] != 0)
                    {
                        Axpy(x[d], p.Slice(Column(k, d), H), pre);
                    }
                }
            }
        }
    }

    /// <summary>Logits for the target [from, to), from the sentence's word pre-activations; keeps the activations for training.</summary>
    public void TargetPart(TargetNetInput input, ReadOnlySpan<float> wordPre, int from, int to, TargetNetActivations a, ReadOnlySpan<float> dropMask = default)
    {
        var n = input.Tokens;
        a.EnsureCapacity(n, H);
        var p = Parameters.AsSpan();
        var pre = a.Pre.AsSpan(0, n * H);
        wordPre[..(n * H)].CopyTo(pre);
        Span<(int Index, float Value)> relative = stackalloc (int, float)[4];
        for (var s = 0; s < n; s++)
        {
            var count = input.Relative(s, from, to, relative);
            for (var k = -Radius; k <= Radius; k++)
            {
                var i = s - k;
                if (i < 0 || i >= n)
                {
                    continue;
                }

                for (var r = 0; r < count; r++)
                {
                    Axpy(relative[r].Value, p.Slice(Column(k, WordInputs + relative[r].Index), H), pre.Slice(i * H, H));
                }
            }
        }

        var hidden = a.Hidden.AsSpan(0, n * H);
        Relu(pre, hidden);
        Output(hidden, H, 0, n, from, to, a, dropMask);
    }

    /// <summary>
    /// Pools this member's hidden units (token i's at <paramref name="offset"/> + i × <paramref name="stride"/>) and writes
    /// its logits into <paramref name="a"/>; <paramref name="dropMask"/> (training) scales the pooled vector.
    /// </summary>
    public void Output(ReadOnlySpan<float> hidden, int stride, int offset, int n, int from, int to, TargetNetActivations a, ReadOnlySpan<float> dropMask = default)
    {
        Pool(hidden, stride, offset, n, from, to, a);
        var p = Parameters.AsSpan();
        var pooled = a.Pooled.AsSpan(0, PooledSize);
        if (!dropMask.IsEmpty)
        {
            for (var j = 0; j < pooled.Length; j++)
            {
                pooled[j] *= dropMask[j];
            }
        }

        for (var c = 0; c < LinearModel.Classes; c++)
        {
            a.Logits[c] = p[COffset + c] + Dot(p.Slice(VOffset + (c * PooledSize), PooledSize), pooled);
        }
    }

    public static void Relu(ReadOnlySpan<float> pre, Span<float> hidden)
    {
        var i = 0;
        for (; i <= pre.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Max(new Vector<float>(pre[i..]), Vector<float>.Zero).CopyTo(hidden[i..]);
        }

        for (; i < pre.Length; i++)
        {
            hidden[i] = Math.Max(pre[i], 0);
        }
    }

    private void Pool(ReadOnlySpan<float> hidden, int stride, int offset, int n, int from, int to, TargetNetActivations a)
    {
        var u = Parameters.AsSpan(UOffset, H);
        var alpha = a.Alpha.AsSpan(0, n);
        var pooled = a.Pooled.AsSpan(0, PooledSize);
        pooled.Clear();
        var attention = pooled[..H];
        var max = pooled.Slice(H, H);
        var mean = pooled.Slice(2 * H, H);

        // Softmax attention over the words outside the target (alpha stays 0 inside it).
        var top = float.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            alpha[i] = i >= from && i < to ? float.NegativeInfinity : Dot(u, hidden.Slice((i * stride) + offset, H));
            top = Math.Max(top, alpha[i]);
        }

        var total = 0f;
        for (var i = 0; i < n; i++)
        {
            alpha[i] = float.IsNegativeInfinity(alpha[i]) ? 0 : MathF.Exp(alpha[i] - top);
            total += alpha[i];
        }

        var share = 1f / (to - from);
        for (var i = 0; i < n; i++)
        {
            var h = hidden.Slice((i * stride) + offset, H);
            if (total > 0 && alpha[i] > 0)
            {
                alpha[i] /= total;
                Axpy(alpha[i], h, attention);
            }

            if (i >= from && i < to)
            {
                Axpy(share, h, mean);
            }

            // Hidden units are >= 0 (ReLU), so max starts from token 0's values.
            for (var j = 0; j < H; j++)
            {
                if (i == 0 || h[j] > max[j])
                {
                    max[j] = h[j];
                    a.MaxAt[j] = i;
                }
            }
        }
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var sum = Vector<float>.Zero;
        var i = 0;
        var length = Math.Min(a.Length, b.Length);
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += Vector.LoadUnsafe(ref x, (nuint)i) * Vector.LoadUnsafe(ref y, (nuint)i);
        }

        var result = Vector.Sum(sum);
        for (; i < length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>y += a · x (over the shorter of the two).</summary>
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        ref var source = ref MemoryMarshal.GetReference(x);
        ref var target = ref MemoryMarshal.GetReference(y);
        var length = Math.Min(x.Length, y.Length);
        var i = 0;
        for (; i <= length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (Vector.LoadUnsafe(ref target, (nuint)i) + (a * Vector.LoadUnsafe(ref source, (nuint)i))).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < length; i++)
        {
            y[i] += a * x[i];
        }
    }
}

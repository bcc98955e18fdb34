using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>
/// The per-token loops of <see cref="TargetNetEnsemble.Predict"/>, each one pass over a token's hidden row
/// (members side by side, <c>h</c> units each, h a multiple of <see cref="Vector{T}.Count"/>).
/// </summary>
internal static class TargetNetKernels
{
    /// <summary>
    /// hidden = max(a + b, 0); max = max(max, hidden); scores[m] = u_m · hidden_m for each member slice m.
    /// </summary>
    public static void Row(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> hidden, Span<float> max, ReadOnlySpan<float> u, int h, Span<float> scores)
    {
        var width = hidden.Length;
        if (a.Length < width || b.Length < width || max.Length < width || u.Length < width || scores.Length * h < width)
        {
            throw new ArgumentException("Rows shorter than the hidden width.");
        }

        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rh = ref MemoryMarshal.GetReference(hidden);
        ref var rm = ref MemoryMarshal.GetReference(max);
        ref var ru = ref MemoryMarshal.GetReference(u);
        for (var m = 0; m * h < width; m++)
        {
            var sum = Vector<float>.Zero;
            for (var j = (nuint)(m * h); j < (nuint)((m + 1) * h); j += (nuint)Vector<float>.Count)
            {
                var x = Vector.Max(Vector.LoadUnsafe(ref ra, j) + Vector.LoadUnsafe(ref rb, j), Vector<float>.Zero);
                x.StoreUnsafe(ref rh, j);
                Vector.Max(Vector.LoadUnsafe(ref rm, j), x).StoreUnsafe(ref rm, j);
                sum += x * Vector.LoadUnsafe(ref ru, j);
            }

            scores[m] = Vector.Sum(sum);
        }
    }

    /// <summary>pooled_m += weights[m] · row_m for each member slice m.</summary>
    public static void AddWeighted(ReadOnlySpan<float> row, ReadOnlySpan<float> weights, int h, Span<float> pooled)
    {
        var width = pooled.Length;
        if (row.Length < width || weights.Length * h < width)
        {
            throw new ArgumentException("Rows shorter than the hidden width.");
        }

        ref var rr = ref MemoryMarshal.GetReference(row);
        ref var rp = ref MemoryMarshal.GetReference(pooled);
        for (var m = 0; m * h < width; m++)
        {
            var w = new Vector<float>(weights[m]);
            for (var j = (nuint)(m * h); j < (nuint)((m + 1) * h); j += (nuint)Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref rp, j) + (w * Vector.LoadUnsafe(ref rr, j))).StoreUnsafe(ref rp, j);
            }
        }
    }

    /// <summary>
    /// into = Σ_d x[d] · matrix row d (rows of into.Length floats, one after another), accumulated per output block in
    /// registers: one store per block instead of one read-modify-write per row.
    /// </summary>
    public static void WeightedRows(ReadOnlySpan<float> x, ReadOnlySpan<float> matrix, Span<float> into)
    {
        var width = into.Length;
        if (matrix.Length < x.Length * width || width % Vector<float>.Count != 0)
        {
            throw new ArgumentException("Matrix rows do not match the output width.");
        }

        ref var rm = ref MemoryMarshal.GetReference(matrix);
        ref var ri = ref MemoryMarshal.GetReference(into);
        for (var j = 0; j < width; j += Vector<float>.Count)
        {
            var sum = Vector<float>.Zero;
            for (var d = 0; d < x.Length; d++)
            {
                sum += x[d] * Vector.LoadUnsafe(ref rm, (nuint)((d * width) + j));
            }

            sum.StoreUnsafe(ref ri, (nuint)j);
        }
    }

    /// <summary>into = first + Σ weight · columns[offset ..] over the terms, one pass with the sums in registers.</summary>
    public static void Gather(ReadOnlySpan<float> first, ReadOnlySpan<float> columns, ReadOnlySpan<(int Offset, float Weight)> terms, Span<float> into)
    {
        var width = into.Length;
        if (first.Length < width || width % Vector<float>.Count != 0)
        {
            throw new ArgumentException("Rows shorter than the output width.");
        }

        foreach (var (offset, _) in terms)
        {
            if (offset < 0 || offset + width > columns.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(terms), "A column lies outside the weights.");
            }
        }

        ref var rf = ref MemoryMarshal.GetReference(first);
        ref var rc = ref MemoryMarshal.GetReference(columns);
        ref var ri = ref MemoryMarshal.GetReference(into);
        for (var j = 0; j < width; j += Vector<float>.Count)
        {
            var sum = Vector.LoadUnsafe(ref rf, (nuint)j);
            foreach (var (offset, weight) in terms)
            {
                sum += weight * Vector.LoadUnsafe(ref rc, (nuint)(offset + j));
            }

            sum.StoreUnsafe(ref ri, (nuint)j);
        }
    }
}

using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools.TargetNet;

/// <summary>The backward pass of <see cref="TargetNetwork.TargetPart"/> (and of its sentence part), for training.</summary>
internal static class TargetNetGradient
{
    /// <summary>
    /// Adds dLoss/dParameters to <paramref name="grad"/>, given dLoss/dLogits of the forward pass whose activations
    /// <paramref name="a"/> holds (run with the same <paramref name="dropMask"/>).
    /// </summary>
    public static void Backward(TargetNetwork net, TargetNetExample e, TargetNetActivations a, ReadOnlySpan<float> dLogits, ReadOnlySpan<float> dropMask, float[] grad)
    {
        var p = net.Parameters;
        var h = net.H;
        var n = e.Input.Tokens;
        var pooledSize = net.PooledSize;
        var dPooled = new float[pooledSize];
        for (var c = 0; c < dLogits.Length; c++)
        {
            grad[net.COffset + c] += dLogits[c];
            TargetNetwork.Axpy(dLogits[c], a.Pooled.AsSpan(0, pooledSize), grad.AsSpan(net.VOffset + (c * pooledSize), pooledSize));
            TargetNetwork.Axpy(dLogits[c], p.AsSpan(net.VOffset + (c * pooledSize), pooledSize), dPooled);
        }

        for (var j = 0; j < pooledSize && !dropMask.IsEmpty; j++)
        {
            dPooled[j] *= dropMask[j];
        }

        var dHidden = new float[n * h];
        var dContext = dPooled.AsSpan(0, h);
        var hidden = a.Hidden.AsSpan(0, n * h);

        // Attention: context = sum alpha_i h_i with alpha = softmax(u . h_i) over the words outside the target.
        var dAlpha = new float[n];
        var weighted = 0f;
        for (var i = 0; i < n; i++)
        {
            if (a.Alpha[i] > 0)
            {
                dAlpha[i] = TargetNetwork.Dot(dContext, hidden.Slice(i * h, h));
                weighted += a.Alpha[i] * dAlpha[i];
            }
        }

        var u = p.AsSpan(net.UOffset, h);
        for (var i = 0; i < n; i++)
        {
            if (a.Alpha[i] > 0)
            {
                var dScore = a.Alpha[i] * (dAlpha[i] - weighted);
                TargetNetwork.Axpy(dScore, hidden.Slice(i * h, h), grad.AsSpan(net.UOffset, h));
                TargetNetwork.Axpy(a.Alpha[i], dContext, dHidden.AsSpan(i * h, h));
                TargetNetwork.Axpy(dScore, u, dHidden.AsSpan(i * h, h));
            }
        }

        for (var j = 0; j < h; j++)
        {
            dHidden[(a.MaxAt[j] * h) + j] += dPooled[h + j];
        }

        for (var i = e.From; i < e.To; i++)
        {
            TargetNetwork.Axpy(1f / (e.To - e.From), dPooled.AsSpan(2 * h, h), dHidden.AsSpan(i * h, h));
        }

        // ReLU, then the convolution: each token's inputs feed the three positions whose window covers it.
        for (var j = 0; j < dHidden.Length; j++)
        {
            dHidden[j] = a.Pre[j] > 0 ? dHidden[j] : 0;
        }

        for (var i = 0; i < n; i++)
        {
            TargetNetwork.Axpy(1, dHidden.AsSpan(i * h, h), grad.AsSpan(net.BOffset, h));
        }

        var words = e.Input.Words;
        var wd = e.Input.WordDimensions;
        Span<(int Index, float Value)> relative = stackalloc (int, float)[4];
        for (var s = 0; s < n; s++)
        {
            var count = e.Input.Relative(s, e.From, e.To, relative);
            for (var k = -TargetNetwork.Radius; k <= TargetNetwork.Radius; k++)
            {
                var i = s - k;
                if (i < 0 || i >= n)
                {
                    continue;
                }

                var dPre = dHidden.AsSpan(i * h, h);
                for (var d = 0; d < wd; d++)
                {
                    var x = words[(s * wd) + d];
                    if (x != 0)
                    {
                        TargetNetwork.Axpy(x, dPre, grad.AsSpan(net.Column(k, d), h));
                    }
                }

                for (var r = 0; r < count; r++)
                {
                    TargetNetwork.Axpy(relative[r].Value, dPre, grad.AsSpan(net.Column(k, wd + relative[r].Index), h));
                }
            }
        }
    }
}

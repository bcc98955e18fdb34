namespace Pipeline.Analysis.Local.Ner;

/// <summary>Deterministic 64-bit FNV-1a hashing of feature parts (string.GetHashCode is randomised per process).</summary>
internal static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Add(ulong h, char c) => (h ^ c) * Prime;

    public static ulong Add(ulong h, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            h = (h ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }

        return h;
    }

    public static ulong Of(ReadOnlySpan<char> s)
    {
        var h = Seed;
        foreach (var c in s)
        {
            h = Add(h, c);
        }

        return h;
    }

    public static ulong Lower(ReadOnlySpan<char> s)
    {
        var h = Seed;
        foreach (var c in s)
        {
            h = Add(h, NormalizeLower(c));
        }

        return h;
    }

    /// <summary>Lowercase, with curly quotes and dashes folded to their ASCII forms so news typography matches the training data.</summary>
    public static char NormalizeLower(char c) => c switch
    {
        '\u2019' or '\u2018' => '\'',
        '\u201C' or '\u201D' => '"',
        '\u2013' or '\u2014' => '-',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>A feature: template id combined with up to two values; never 0 (0 marks an empty slot).</summary>
    /// <remarks>Word-at-a-time (two splitmix64 finalizer rounds), not byte-wise FNV: ~50 features per token made the
    /// 24 byte steps of FNV the largest cost of feature extraction.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b = 0)
    {
        var h = Mix(((ulong)(template + 1) * 0x9E3779B97F4A7C15UL) ^ a);
        h = Mix(h + 0x632BE59BD9B4E019UL ^ b);
        return h == 0 ? 1 : h;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Folds a feature hash to a weight-table row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Bucket(ulong feature, int mask) => (int)((feature ^ (feature >> 29) ^ (feature >> 47)) & (ulong)mask);
}

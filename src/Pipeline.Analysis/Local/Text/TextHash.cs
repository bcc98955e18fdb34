using System.Numerics;

namespace Pipeline.Analysis.Local.Text;

/// <summary>Stable 64-bit hashes of lower-cased words and their combinations (model features must not change between runs).</summary>
internal static class TextHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> word)
    {
        var h = FnvOffset;
        foreach (var c in word)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Finish(h);
    }

    public static ulong Of(string word) => Of(word.AsSpan());

    public static ulong Combine(ulong a, ulong b) => Finish((BitOperations.RotateLeft(a, 23) ^ b) * 0x9E3779B97F4A7C15UL);

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return h;
    }
}

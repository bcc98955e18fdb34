using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Articles;

/// <summary>
/// The identity of an article's text, whatever its blob is called: the same body uploaded under two names, or saved
/// again with different spacing, case, punctuation or full-width forms, has the same hash (one story).
/// </summary>
public static class ContentHash
{
    /// <summary>32 lowercase hex characters (128 bits of SHA-256 over the normalised text); null when the text has no letters or digits.</summary>
    public static string? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// Words only: lower case, full-width forms folded, every run of anything else one space. (The app runs with invariant
    /// globalization, where <see cref="string.Normalize()"/> leaves non-ASCII text as it is, so the width folding is ours.)
    /// </summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        Span<char> lowered = stackalloc char[2];
        var gap = false;
        foreach (var original in text.EnumerateRunes())
        {
            var rune = original.Value is >= 0xFF01 and <= 0xFF5E ? new Rune(original.Value - 0xFEE0) : original;
            if (!Rune.IsLetterOrDigit(rune))
            {
                gap = true;
                continue;
            }

            if (gap && builder.Length > 0)
            {
                builder.Append(' ');
            }

            gap = false;
            builder.Append(lowered[..Rune.ToLowerInvariant(rune).EncodeToUtf16(lowered)]);
        }

        return builder.ToString();
    }
}

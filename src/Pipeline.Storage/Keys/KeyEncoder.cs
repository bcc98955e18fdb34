using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Storage.Keys;

/// <summary>
/// Makes arbitrary text safe as a table key. Azure forbids / \ # ? and control characters in keys and Azurite
/// fails on '/', so everything outside [A-Za-z0-9._-] becomes "~XX" per UTF-8 byte. Deterministic and
/// case-preserving; too-long results keep a readable prefix plus a hash so keys stay under the 1 KiB limit.
/// </summary>
public static class KeyEncoder
{
    private const int MaxLength = 512;

    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (sb.Length <= MaxLength)
        {
            return sb.ToString();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return string.Concat(sb.ToString(0, MaxLength - 66), "~~", Convert.ToHexStringLower(hash));
    }

    /// <summary>Sources match case-insensitively and ignore surrounding blanks.</summary>
    public static string SourceKey(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Encode(source.Trim().ToLowerInvariant());
    }
}

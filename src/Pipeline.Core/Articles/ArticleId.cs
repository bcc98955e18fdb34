using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Articles;

/// <summary>
/// Article ids are derived from the blob path so that every version of a blob, and every
/// replay of the same trigger, lands on the same rows.
/// </summary>
public static class ArticleId
{
    /// <summary>16 lowercase hex characters: safe in URLs and table keys, collision-free at newsroom scale.</summary>
    public static string For(string container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(container + "/" + blobName), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    public static bool IsValid(string? id) =>
        id is { Length: 16 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Analysis;

/// <summary>
/// Entity ids are "category-slug", e.g. "person-bernie-sanders": readable in URLs, safe as table keys,
/// and equal for the same name across articles and analyzers.
/// </summary>
public static class EntityId
{
    public static string For(string category, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Slug(category) + "-" + SlugOrHash(name);
    }

    /// <summary>The slug of a name: lowercase ASCII letters and digits joined by single hyphens, accents folded.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // Combining accents of already-decomposed input.
            }

            var ascii = char.IsAsciiLetterOrDigit(c) ? null : LatinFold.Fold(c);
            if (char.IsAsciiLetterOrDigit(c) || ascii is not null)
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                if (ascii is null)
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    sb.Append(ascii.ToLowerInvariant());
                }

                pendingHyphen = false;
            }
            else if (c is not ('\'' or '\u2019'))
            {
                // Apostrophes join ("O'Rourke" -> "orourke"); everything else separates words.
                pendingHyphen = true;
            }
        }

        return sb.ToString();
    }

    // Names with no ASCII letters (e.g. non-Latin scripts) still need a stable key.
    private static string SlugOrHash(string name)
    {
        var slug = Slug(name);
        if (slug.Length > 0)
        {
            return slug.Length <= 200 ? slug : slug[..200];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return "x" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}

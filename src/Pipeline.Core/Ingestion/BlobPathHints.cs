using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// What an uploader's naming says about an article: a publication date in the blob name ("2016/06/10/slug.html",
/// "2016-06-10-slug.txt", "slug_20160610.json") and an outlet as the leading folder ("nbcnews.com/2016/..."). Scrapers
/// and archives name files this way; nothing else in a name is read, and a number that is not a real calendar date
/// is not a date.
/// </summary>
internal static partial class BlobPathHints
{
    /// <summary>The first date written in the name, as midnight UTC; null if none.</summary>
    public static DateTimeOffset? Date(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var match = PathDate().Match(blobName);
        while (match.Success)
        {
            var (y, m, d) = match.Groups["y1"].Success
                ? (match.Groups["y1"].Value, match.Groups["m1"].Value, match.Groups["d1"].Value)
                : match.Groups["y2"].Success
                    ? (match.Groups["y2"].Value, match.Groups["m2"].Value, match.Groups["d2"].Value)
                    : (match.Groups["y3"].Value, match.Groups["m3"].Value, match.Groups["d3"].Value);
            if (Calendar(y, m, d) is { } date)
            {
                return date;
            }

            match = match.NextMatch();
        }

        return null;
    }

    /// <summary>The leading folder of the name when it is a domain ("www.NBCNews.com/x.txt" → "nbcnews.com"); null otherwise.</summary>
    public static string? Source(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null; // a file at the top level: its own name ("article.txt") is not an outlet
        }

        var folder = blobName[..slash].ToLowerInvariant();
        if (!Domain().IsMatch(folder))
        {
            return null;
        }

        return folder.StartsWith("www.", StringComparison.Ordinal) ? folder[4..] : folder;
    }

    private static DateTimeOffset? Calendar(string year, string month, string day)
    {
        var (y, m, d) = (Number(year), Number(month), Number(day));
        return y is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero)
            : null;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // Each form stands alone: not inside a longer run of letters or digits (hex ids, numeric ids).
    [GeneratedRegex(
        @"(?<![0-9A-Za-z])(?:(?<y1>\d{4})/(?<m1>\d{1,2})/(?<d1>\d{1,2})(?![0-9])|(?<y2>\d{4})[-_.](?<m2>\d{2})[-_.](?<d2>\d{2})(?![0-9])|(?<y3>\d{4})(?<m3>\d{2})(?<d3>\d{2})(?![0-9A-Za-z]))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PathDate();

    // Host names: dot-separated labels ending in an alphabetic top-level label, e.g. "nbcnews.com", "bbc.co.uk".
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();
}

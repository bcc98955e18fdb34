using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Dates as publishers write them: ISO 8601 (with or without time or offset), RFC 1123, "June 9, 2016",
/// "9 June 2016", US "06/09/2016", Unix seconds or milliseconds, with an optional "Published"/"Updated" prefix and
/// US time-zone abbreviations. Times without an offset are taken as UTC. Anything else is not a date: null, never
/// an error, because a bad date must not cost the article.
/// </summary>
internal static partial class PublishedDateParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM",
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz",
        "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM. d, yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy",
        "dddd, MMMM d, yyyy", "ddd, MMM d, yyyy",
        "MMMM d, yyyy h:mm tt", "MMMM d, yyyy h:mmtt", "MMM d, yyyy h:mm tt", "MMMM d, yyyy 'at' h:mm tt", "MMM d, yyyy 'at' h:mm tt",
        "MMMM d, yyyy HH:mm", "M/d/yyyy", "M/d/yyyy h:mm tt", "M/d/yyyy HH:mm", "M/d/yyyy HH:mm:ss",
    ];

    private static readonly (string Zone, string Offset)[] Zones =
    [
        ("EDT", "-04:00"), ("EST", "-05:00"), ("CDT", "-05:00"), ("CST", "-06:00"), ("MDT", "-06:00"), ("MST", "-07:00"),
        ("PDT", "-07:00"), ("PST", "-08:00"), ("UTC", "+00:00"), ("GMT", "+00:00"), ("BST", "+01:00"), ("CET", "+01:00"), ("CEST", "+02:00"),
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Prefix().Replace(TextNormalizer.NormalizeLine(value), "");
        if (UnixTime().IsMatch(text))
        {
            var number = long.Parse(text, CultureInfo.InvariantCulture);
            var instant = text.Length >= 13 ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number);
            return Plausible(instant);
        }

        text = ReplaceZone(text);
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, styles, out var exact))
        {
            return Plausible(exact);
        }

        // ISO strings with other fraction lengths or offset spellings ("+0000", "Z") still parse here.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var loose) ? Plausible(loose) : null;
    }

    private static string ReplaceZone(string text)
    {
        foreach (var (zone, offset) in Zones)
        {
            if (text.EndsWith(" " + zone, StringComparison.OrdinalIgnoreCase))
            {
                var head = text[..^zone.Length].TrimEnd();
                // An offset is only meaningful with a time of day; "June 9, 2016 EDT" is just the date.
                return head.Contains(':', StringComparison.Ordinal) ? head + " " + offset : head;
            }
        }

        return text;
    }

    // Publishing dates outside this window are typos or placeholder values (0001-01-01, 1970 epochs).
    private static DateTimeOffset? Plausible(DateTimeOffset value) =>
        value.Year is >= 1971 and <= 2200 ? value : null;

    [GeneratedRegex(@"^(?:(?:published|updated|posted|first published|last updated)(?: on)?\s*:?\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^\d{10}(?:\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex UnixTime();
}

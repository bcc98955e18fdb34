using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The page's own summary (meta description / og:description) as the article's lead. News templates print the
/// standfirst in a header that the body scoring leaves out; when the description is written as prose (a sentence of
/// at least <see cref="MinWords"/> words), the page shows it, and the extracted body does not already say it, it
/// opens the body. Truncated teasers ("…"), keyword lists and site blurbs that only the search engines see are left out.
/// </summary>
internal static class DescriptionLead
{
    /// <summary>Chosen by 5-fold cross-validation over the dev pages among 8, 12, 16, 24 and off (EVAL.md).</summary>
    private const int MinWords = 12;

    // The body already holds the description when this share of its word 4-grams occurs there.
    private const double ContainedShare = 0.5;

    public static string Prepend(string? description, string body, IElement page)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return body;
        }

        var lead = TextNormalizer.NormalizeLine(description);
        if (BoilerplateRules.WordCount(lead) < MinWords || !EndsSentence(lead) || IsContained(lead, body) || !IsContained(lead, HtmlDom.InnerText(page)))
        {
            return body;
        }

        return lead + "\n\n" + body;
    }

    private static bool EndsSentence(string line)
    {
        var end = line.TrimEnd('"', '\'', '”', '’', '»', '«', ')', ' ');
        return end.Length > 0 && end[^1] is ('.' or '!' or '?' or '。' or '！' or '？') && !end.EndsWith("...", StringComparison.Ordinal);
    }

    private static bool IsContained(string lead, string body)
    {
        var shingles = Shingles(lead);
        if (shingles.Count == 0)
        {
            return true;
        }

        var inBody = Shingles(body);
        return shingles.Count(inBody.Contains) >= ContainedShare * shingles.Count;
    }

    private static HashSet<string> Shingles(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToArray();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 4 <= words.Length; i++)
        {
            shingles.Add(string.Join(' ', words, i, 4));
        }

        if (words.Length is > 0 and < 4)
        {
            shingles.Add(string.Join(' ', words));
        }

        return shingles;
    }
}

namespace Pipeline.Core.Ingestion;

/// <summary>
/// The headline a page shows. The &lt;h1&gt; of the main content wins when another title source corroborates it
/// (it carries no site affixes); otherwise og:title, the JSON-LD headline, then &lt;title&gt;, each without site
/// and section affixes ("Headline | ZDNet", "Headline - SpaceNews.com", "Opinion | Headline"), then the h1.
/// An affix is a separator-delimited head or tail that names the site (its name, host, publisher or author, or a
/// page heading outside the article such as a masthead &lt;h1&gt;), or whose removal leaves another source's title;
/// a short section label between the headline and a removed site name goes with it ("Headline | Code | Jane Roe").
/// </summary>
internal static class HtmlTitle
{
    // Not ": " — "Xbox One X review: A console that keeps up" is one headline.
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " ~ ", " @ ", "|"];

    private const int MaxSectionLabelWords = 2;
    private const int MinHeadlineWords = 4;
    private const int MaxSiteNameWords = 3;

    /// <param name="OtherNames">Other names of the site or its author that may decorate a title: author, publisher,
    /// application name, page headings outside the article.</param>
    public sealed record Sources(string? OgTitle, string? JsonLdHeadline, string? TitleTag, string? Headline, string? SiteName, string? Host,
        IReadOnlyList<string>? OtherNames = null);

    public static string? Choose(Sources sources)
    {
        var titles = new[] { sources.OgTitle, sources.JsonLdHeadline, sources.TitleTag }
            .Select(t => ArticleFields.Text(t)).OfType<string>().ToList();
        var headline = ArticleFields.Text(sources.Headline);
        if (headline is not null && titles.Any(t => Corroborates(t, headline)))
        {
            // Some templates put the section or site inside the h1 too ("Local News | Headline").
            return StripAffixes(headline, Site(sources), titles);
        }

        foreach (var title in titles)
        {
            var others = titles.Where(t => !ReferenceEquals(t, title)).Append(headline).OfType<string>().ToList();
            var stripped = StripAffixes(title, Site(sources), others);
            if (stripped.Length > 0)
            {
                return stripped;
            }
        }

        return headline;
    }

    /// <summary>What names the site: its declared name, its host, and the other names a title may carry.</summary>
    public sealed record SiteNames(string? Name, string? Host, IReadOnlyList<string> Others);

    private static SiteNames Site(Sources sources) =>
        new(sources.SiteName, sources.Host, sources.OtherNames?.Select(Key).Where(k => k.Length > 0).ToList() ?? []);

    /// <summary>The title without a leading or trailing segment that names the site or that another source lacks.</summary>
    public static string StripAffixes(string title, SiteNames site, IReadOnlyList<string> others)
    {
        var current = title.Trim();
        string? removedTail = null;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var separator in Separators)
            {
                var last = current.LastIndexOf(separator, StringComparison.Ordinal);
                if (last > 0 && (IsAffix(current[(last + separator.Length)..], current[..last], site, others, separator)
                    || (removedTail == separator && IsLabelBeforeAffix(current[(last + separator.Length)..], current[..last]))))
                {
                    current = current[..last].Trim();
                    removedTail = separator;
                    changed = true;
                    break;
                }

                var first = current.IndexOf(separator, StringComparison.Ordinal);
                if (first > 0 && (IsAffix(current[..first], current[(first + separator.Length)..], site, others, separator)
                    || IsSectionLabel(current[..first], current[(first + separator.Length)..], separator)))
                {
                    current = current[(first + separator.Length)..].Trim();
                    changed = true;
                    break;
                }
            }
        }

        return current;
    }

    private static bool IsAffix(string affix, string rest, SiteNames site, IReadOnlyList<string> others, string separator)
    {
        var name = Key(affix);
        if (name.Length == 0 || rest.Trim().Length == 0)
        {
            return false;
        }

        var siteName = site.Name;
        var host = site.Host is null ? null : HostName(site.Host);
        if ((siteName is not null && name == Key(siteName)) || name == host || site.Others.Contains(name))
        {
            return true;
        }

        if (BoilerplateRules.WordCount(rest) < 2 && separator != " | ")
        {
            return false;
        }

        // Part of the site's name ("SpaceNews" of "SpaceNews.com Staff") only when the headline left is the longer part.
        if (siteName is not null && Key(siteName).Contains(name, StringComparison.Ordinal) && name.Length >= 4 && Key(rest).Length > name.Length)
        {
            return true;
        }

        // The host's name, alone or within a short segment ("痞客邦 PIXNET ::" on pixnet.net).
        if (host is { Length: >= 4 } hostName && name.Length >= 4
            && (hostName.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(hostName, StringComparison.Ordinal)
                || (name.Contains(hostName, StringComparison.Ordinal) && BoilerplateRules.WordCount(affix) <= MaxSiteNameWords)))
        {
            return true;
        }

        // The rest is what another source calls the title: the affix is decoration.
        var restKey = Key(rest);
        return others.Any(o => Key(o) == restKey);
    }

    // "Headline | Code | Jane Roe": once the site's name is gone, a one- or two-word label it followed goes too.
    private static bool IsLabelBeforeAffix(string label, string rest) =>
        BoilerplateRules.WordCount(label) <= MaxSectionLabelWords && BoilerplateRules.WordCount(rest) >= MinHeadlineWords;

    // "Opinion | Headline", "Local News | Headline": a one- or two-word section name before a bar.
    private static bool IsSectionLabel(string label, string rest, string separator) =>
        separator == " | " && BoilerplateRules.WordCount(label) <= MaxSectionLabelWords && BoilerplateRules.WordCount(rest) >= MinHeadlineWords;

    // "www.spacenews.com" → "spacenews", "news.bbc.co.uk" → "bbc".
    private static string HostName(string host)
    {
        var labels = host.Split('.');
        var index = labels.Length - 2;
        if (index > 0 && labels[index].Length <= 3)
        {
            index--;
        }

        return index >= 0 ? Key(labels[index]) : Key(host);
    }

    /// <summary>Whether a title source and a shown headline say the same, allowing for affixes and small edits.</summary>
    public static bool Corroborates(string title, string headline)
    {
        var a = Key(title);
        var b = Key(headline);
        if (b.Length == 0)
        {
            return false;
        }

        if (a == b || (a.Contains(b, StringComparison.Ordinal) && b.Length * 2 >= a.Length))
        {
            return true;
        }

        var wordsA = Words(title);
        var wordsB = Words(headline);
        var common = wordsA.Intersect(wordsB).Count();
        return common >= 0.6 * wordsA.Union(wordsB).Count();
    }

    private static HashSet<string> Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Key).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    // Letters and digits only, lowercased, "www." and a domain ending dropped: "SpaceNews.com" → "spacenews".
    private static string Key(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..];
        }

        var dot = trimmed.LastIndexOf('.');
        if (dot > 0 && dot >= trimmed.Length - 4 && !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            trimmed = trimmed[..dot];
        }

        return string.Concat(trimmed.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }
}

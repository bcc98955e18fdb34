using System.Text;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>One entity mention as the service found it, with its offset already mapped to the article.</summary>
internal sealed record RawMention(int Offset, int Length, string Text, string Category, string? Subcategory, double ConfidenceScore);

/// <summary>Mentions judged to name the same entity; <see cref="Name"/> is the longest form.</summary>
internal sealed record EntityGroup(string Name, string Category, string? Subcategory, IReadOnlyList<RawMention> Mentions);

/// <summary>
/// Azure returns every mention separately. Within an article, mentions with the same category and normalized
/// text (case, spacing, possessive "'s", a leading "the" ignored) are one entity. A single-word Person mention
/// that equals the last word of a multi-word Person name joins that name ("Sanders" joins "Bernie Sanders");
/// when several full names share the surname, it joins the one mentioned most recently before it, or else the
/// earliest one. The canonical name is the longest mention text (first one on ties).
/// </summary>
internal static class EntityCoreference
{
    public static IReadOnlyList<EntityGroup> Group(IEnumerable<RawMention> mentions)
    {
        var groups = new List<(string Category, string Key, List<RawMention> Mentions)>();
        var byKey = new Dictionary<(string, string), int>();
        foreach (var m in mentions.OrderBy(m => m.Offset).ThenByDescending(m => m.Length))
        {
            var key = Normalize(m.Text);
            if (key.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue((m.Category, key), out var index))
            {
                index = groups.Count;
                byKey[(m.Category, key)] = index;
                groups.Add((m.Category, key, []));
            }

            groups[index].Mentions.Add(m);
        }

        FoldSurnames(groups);

        return groups
            .Where(g => g.Mentions.Count > 0)
            .Select(g =>
            {
                var sorted = g.Mentions.OrderBy(m => m.Offset).ToList();
                var name = sorted.Select(m => Display(m.Text)).Aggregate((a, b) => b.Length > a.Length ? b : a);
                var subcategory = sorted.Where(m => m.Subcategory is not null)
                    .GroupBy(m => m.Subcategory!, StringComparer.Ordinal)
                    .OrderByDescending(x => x.Count())
                    .Select(x => x.Key)
                    .FirstOrDefault();
                return new EntityGroup(name, g.Category, subcategory, sorted);
            })
            .OrderBy(g => g.Mentions[0].Offset)
            .ToList();
    }

    private static void FoldSurnames(List<(string Category, string Key, List<RawMention> Mentions)> groups)
    {
        var fullNames = groups.Where(g => g.Category == "Person" && g.Key.Contains(' ', StringComparison.Ordinal)).ToList();
        foreach (var single in groups.Where(g => g.Category == "Person" && !g.Key.Contains(' ', StringComparison.Ordinal)).ToList())
        {
            var candidates = fullNames.Where(f => f.Key.EndsWith(" " + single.Key, StringComparison.Ordinal)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            foreach (var mention in single.Mentions.ToList())
            {
                var target = candidates
                    .Select(c => (Group: c, Last: c.Mentions.Where(x => x.Offset < mention.Offset).Select(x => x.Offset).DefaultIfEmpty(-1).Max()))
                    .OrderByDescending(c => c.Last)
                    .ThenBy(c => c.Group.Mentions.Min(x => x.Offset))
                    .First().Group;
                target.Mentions.Add(mention);
                single.Mentions.Remove(mention);
            }
        }
    }

    /// <summary>The comparison key: NFKC, lower case, single spaces, no possessive, no edge punctuation, no leading "the".</summary>
    internal static string Normalize(string text)
    {
        var s = Display(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        var key = sb.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    /// <summary>The mention as a name: trimmed of edge punctuation and a possessive "'s"/"’s"/"'".</summary>
    internal static string Display(string text)
    {
        var s = text.Trim();
        foreach (var suffix in (string[])["'s", "\u2019s", "'", "\u2019"])
        {
            if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        return s.Trim(',', ';', ':', '"', '\u201C', '\u201D', '(', ')', '[', ']', ' ').Trim();
    }
}

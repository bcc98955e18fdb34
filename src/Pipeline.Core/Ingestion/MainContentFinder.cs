using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Finds the article's body among a page's blocks by scoring, in the manner of Readability: every paragraph-like
/// block with enough text gives points (more for length and commas) to its parent and, less, to its ancestors; a
/// candidate's score falls with its link density and with class/id names that mark furniture. The best candidate
/// is widened to its parent when the parent holds comparable text, and joined by siblings that score nearly as well.
/// &lt;article&gt;, &lt;main&gt; and schema.org articleBody only raise a candidate's score: an empty or
/// ad-only one cannot win. A page with no scorable paragraph yields its whole body.
/// </summary>
internal static partial class MainContentFinder
{
    private const int MinParagraphText = 25;
    private const int AncestorLevels = 5;

    private static readonly HashSet<string> ParagraphTags = ["p", "pre", "td", "blockquote"];

    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tbody", "tr", "td", "th", "dl", "dt", "dd", "address", "hr", "center", "details",
        "figure", "form", "aside", "nav", "select", "dialog", "fieldset",
    ];

    /// <summary>
    /// The article's text and the blocks it came from. Like Readability, the first attempt strips unlikely
    /// candidates, weighs class names and cleans link lists; when that leaves less than
    /// <see cref="MinArticleText"/> characters, each is relaxed in turn, and the longest result wins.
    /// </summary>
    public static (IReadOnlyList<IElement> Blocks, string Text) Extract(IElement body, TextStats stats)
    {
        (IReadOnlyList<IElement> Blocks, string Text, int Length) best = ([body], "", -1);
        foreach (var flags in (ReadOnlySpan<Flags>)[Flags.All, Flags.All & ~Flags.StripUnlikely, Flags.CleanConditionally, Flags.None])
        {
            var blocks = Find(body, stats, flags);
            var text = HtmlTextExtractor.Text(blocks, stats, (flags & Flags.CleanConditionally) != 0);
            var length = TextStats.Count(text).Text;
            if (length >= MinArticleText)
            {
                return (blocks, text);
            }

            if (length > best.Length)
            {
                best = (blocks, text, length);
            }
        }

        return (best.Blocks, best.Text);
    }

    [Flags]
    internal enum Flags
    {
        None = 0,
        StripUnlikely = 1,
        WeightClasses = 2,
        CleanConditionally = 4,
        All = StripUnlikely | WeightClasses | CleanConditionally,
    }

    private const int MinArticleText = 500;
    private const int TopCandidates = 5;

    private static List<IElement> Find(IElement body, TextStats stats, Flags flags)
    {
        var scores = Score(body, stats, flags);
        if (scores.Count == 0)
        {
            return [body];
        }

        var ranked = scores.OrderByDescending(s => s.Value).Take(TopCandidates).ToList();
        var top = ranked[0].Key;
        top = SharedAncestor(top, ranked, body) ?? Widen(top, scores, body);
        var blocks = WithSiblings(top, scores, stats, flags);
        if (Lead(blocks[0], stats, body) is { } lead)
        {
            blocks.Insert(0, lead);
        }

        return blocks;
    }

    // The standfirst often sits in the article header, outside the body's container: an element named as a lead,
    // before the content and within a few levels of it, with prose rather than links.
    private static IElement? Lead(IElement first, TextStats stats, IElement body)
    {
        var container = first;
        for (var level = 0; level < 3 && container.ParentElement is { } parent && !ReferenceEquals(container, body); level++)
        {
            container = parent;
        }

        foreach (var element in HtmlDom.Elements(container, e => !PageFurniture.IsNeverText(e)))
        {
            if (ReferenceEquals(element, first) || element.Contains(first) || first.Contains(element))
            {
                if (ReferenceEquals(element, first) || first.Contains(element))
                {
                    return null;
                }

                continue;
            }

            var s = stats[element];
            if (s.Text >= 40 && s.LinkDensity < 0.25 && LeadName().IsMatch(Names(element)) && !IsUnlikely(element))
            {
                return element;
            }
        }

        return null;
    }

    private static Dictionary<IElement, double> Score(IElement body, TextStats stats, Flags flags)
    {
        var raw = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        bool Enter(IElement e) => !PageFurniture.IsNeverText(e) && ((flags & Flags.StripUnlikely) == 0 || !IsUnlikely(e));
        foreach (var element in HtmlDom.Elements(body, Enter))
        {
            if (!Enter(element))
            {
                continue;
            }

            var isParagraph = IsParagraph(element);
            var ownText = isParagraph ? stats[element] : DirectInlineText(element, stats);
            if (ownText.Text < MinParagraphText)
            {
                continue;
            }

            var points = 1.0 + ownText.Commas + Math.Min(ownText.Text / 100, 3);
            if (isParagraph && element.LocalName == "section")
            {
                // A section's commas include those of its links (teaser headlines, tag lists): links earn nothing.
                points *= 1 - ownText.LinkDensity;
            }

            // A paragraph's points go to its parent; a block's own inline text is a paragraph of that block.
            var level = 0;
            var target = isParagraph ? element.ParentElement : element;
            for (; target is not null && level < AncestorLevels; target = target.ParentElement, level++)
            {
                if (!raw.TryGetValue(target, out var score))
                {
                    score = BaseScore(target, flags);
                }

                raw[target] = score + points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                if (ReferenceEquals(target, body))
                {
                    break;
                }
            }
        }

        var scores = new Dictionary<IElement, double>(raw.Count, ReferenceEqualityComparer.Instance);
        foreach (var (element, score) in raw)
        {
            scores[element] = score * (1 - stats[element].LinkDensity) * Evidence(element);
        }

        return scores;
    }

    // Readability's unlikely candidates: furniture by name or role, unless the name also says content.
    private static bool IsUnlikely(IElement element)
    {
        if (element.LocalName is "body" or "a" or "article" or "main")
        {
            return false;
        }

        var role = element.GetAttribute("role");
        if (role is "menu" or "menubar" or "complementary" or "navigation" or "alert" or "alertdialog" or "dialog")
        {
            return true;
        }

        var names = Names(element);
        return names.Length > 1 && UnlikelyName().IsMatch(names) && !MaybeContentName().IsMatch(names);
    }

    // Like Readability, a <section> is one paragraph of its parent, so a page built of sections (feature cards, a story
    // in chapters) rewards the container that holds them all; a section around other sections, an article or main is
    // page layout, and scoring it whole would hand a page region the commas of everything in it.
    private static bool IsParagraph(IElement element) => element.LocalName switch
    {
        "div" => !HasBlockChild(element),
        "section" => element.QuerySelector("section, article, main") is null,
        _ => ParagraphTags.Contains(element.LocalName),
    };

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (BlockTags.Contains(child.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    // Readability: when three of the top candidates share an ancestor, the article is that ancestor.
    private static IElement? SharedAncestor(IElement top, List<KeyValuePair<IElement, double>> ranked, IElement body)
    {
        var topScore = ranked[0].Value;
        var alternatives = ranked.Skip(1).Where(r => r.Value >= 0.75 * topScore).Select(r => r.Key).ToList();
        if (alternatives.Count < 3)
        {
            return null;
        }

        for (var parent = top.ParentElement; parent is not null && !ReferenceEquals(parent, body); parent = parent.ParentElement)
        {
            if (alternatives.Count(a => parent.Contains(a)) >= 3)
            {
                return parent;
            }
        }

        return null;
    }

    // Text in the element itself, not in block children: the runs of inline content Readability wraps in <p>.
    private static BlockStats DirectInlineText(IElement element, TextStats stats)
    {
        if (element.LocalName is not ("div" or "section" or "article" or "main" or "span" or "font" or "center" or "li" or "dd"))
        {
            return default;
        }

        var total = default(BlockStats);
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                total += TextStats.Count(text.Data);
            }
            else if (child is IElement e && !BlockTags.Contains(e.LocalName))
            {
                total += stats[e];
            }
        }

        return total;
    }

    private static double BaseScore(IElement element, Flags flags)
    {
        var score = element.LocalName switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + ((flags & Flags.WeightClasses) != 0 ? ClassWeight(element) : 0);
    }

    /// <summary>+25 per class/id that names content, −25 per one that names furniture (Readability's lists).</summary>
    public static int ClassWeight(IElement element)
    {
        var weight = 0;
        foreach (var name in (ReadOnlySpan<string?>)[element.GetAttribute("class"), element.Id])
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (NegativeName().IsMatch(name))
            {
                weight -= 25;
            }

            if (PositiveName().IsMatch(name))
            {
                weight += 25;
            }
        }

        return weight;
    }

    // The markup's own claim that this is the article: evidence, not a verdict.
    private static double Evidence(IElement element)
    {
        if (element.GetAttribute("itemprop")?.Contains("articleBody", StringComparison.OrdinalIgnoreCase) == true)
        {
            return 1.5;
        }

        return element.LocalName is "article" or "main" || string.Equals(element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)
            ? 1.25
            : 1.0;
    }

    // Readability's step up: a parent that scores at least a third as well and better than the child holds more of the article.
    private static IElement Widen(IElement top, Dictionary<IElement, double> scores, IElement body)
    {
        var lastScore = scores[top];
        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && !ReferenceEquals(parent, body.ParentElement); parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        // A wrapper with a single child says the same thing.
        while (top.ParentElement is { } only && !ReferenceEquals(top, body) && only.ChildElementCount == 1 && !ReferenceEquals(only, body.ParentElement))
        {
            top = only;
        }

        return top;
    }

    private static List<IElement> WithSiblings(IElement top, Dictionary<IElement, double> scores, TextStats stats, Flags flags)
    {
        if (top.ParentElement is not { } parent || top.LocalName == "body")
        {
            return [top];
        }

        var topScore = scores.GetValueOrDefault(top);
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var blocks = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (ReferenceEquals(sibling, top))
            {
                blocks.Add(sibling);
                continue;
            }

            if (PageFurniture.IsNeverText(sibling) || ((flags & Flags.StripUnlikely) != 0 && IsUnlikely(sibling)))
            {
                continue;
            }

            var bonus = !string.IsNullOrEmpty(topClass) && sibling.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                blocks.Add(sibling);
            }
            else if (sibling.LocalName == "p")
            {
                var s = stats[sibling];
                if ((s.Text > 65 && s.LinkDensity < 0.25) || (s.Text > 0 && s.Link == 0 && sibling.TextContent.Contains(". ", StringComparison.Ordinal)))
                {
                    blocks.Add(sibling);
                }
            }
        }

        return blocks;
    }

    private static string Names(IElement element) => element.GetAttribute("class") + " " + element.Id;

    [GeneratedRegex("-ad-|ai2html|author-?bio|author-?box|about-?the-?author|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnlikelyName();

    [GeneratedRegex("lead|teaser|intro|standfirst|summary|abstract|excerpt|subtitle|subline|dek|deck|kicker|description", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadName();

    [GeneratedRegex("and|article|body|column|content|main|mathjax|shadow", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaybeContentName();

    [GeneratedRegex("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositiveName();

    [GeneratedRegex("-ad-|author-?bio|author-?box|about-?the-?author|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|breadcrumb|newsletter|social|popup|cookie|disqus|menu|nav", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeName();
}

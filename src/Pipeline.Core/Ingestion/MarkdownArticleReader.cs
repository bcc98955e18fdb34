using System.Text.RegularExpressions;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Markdown: front matter (title, url, source, author, date, language) is honoured; the title is the front matter's
/// or the first "# " heading (removed from the body); block markup (headings, quotes, lists, fences, rules,
/// link definitions) and inline markup are reduced to their text. Soft-wrapped lines of a paragraph are joined.
/// </summary>
internal static partial class MarkdownArticleReader
{
    public static ContentFields Read(string text)
    {
        var (fields, markdown) = FrontMatter.Split(text);
        var title = FrontMatter.Get(fields, "title", "headline");
        var paragraphs = new List<string>();
        var paragraph = new List<string>();
        var inFence = false;
        var lines = markdown.Split('\n');

        void EndParagraph()
        {
            if (paragraph.Count > 0)
            {
                paragraphs.Add(string.Join(' ', paragraph));
                paragraph.Clear();
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Fence().IsMatch(line))
            {
                EndParagraph();
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                paragraphs.Add(line);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line) || LinkDefinition().IsMatch(line) || HorizontalRule().IsMatch(line))
            {
                EndParagraph();
                continue;
            }

            // Setext heading: "Title" over "=====".
            if (i + 1 < lines.Length && SetextUnderline().IsMatch(lines[i + 1]) && paragraph.Count == 0)
            {
                var heading = MarkdownInline.ToText(line.Trim());
                if (title is null && lines[i + 1].TrimStart().StartsWith('='))
                {
                    title = heading;
                }
                else
                {
                    paragraphs.Add(heading);
                }

                i++;
                continue;
            }

            var atx = AtxHeading().Match(line);
            if (atx.Success)
            {
                EndParagraph();
                var heading = MarkdownInline.ToText(atx.Groups["text"].Value);
                if (title is null && atx.Groups["level"].Length == 1)
                {
                    title = heading;
                }
                else
                {
                    paragraphs.Add(heading);
                }

                continue;
            }

            var content = BlockPrefix().Replace(line, "");
            if (ListItem().IsMatch(line))
            {
                EndParagraph();
                paragraphs.Add(MarkdownInline.ToText(content.Trim()));
                continue;
            }

            paragraph.Add(MarkdownInline.ToText(content.Trim()));
        }

        EndParagraph();
        return new ContentFields
        {
            Body = string.Join("\n\n", paragraphs),
            Title = title,
            Url = FrontMatter.Get(fields, "url", "canonical_url", "canonical", "link"),
            Source = FrontMatter.Get(fields, "source", "publisher", "site", "site_name"),
            Author = FrontMatter.Get(fields, "author", "authors", "byline"),
            Published = FrontMatter.Get(fields, "date", "published", "publishedAt", "published_at", "datePublished"),
            Language = FrontMatter.Get(fields, "language", "lang", "locale"),
            FirstLineMayBeHeadline = title is null,
        };
    }

    [GeneratedRegex(@"^\s{0,3}(?:```|~~~)", RegexOptions.CultureInvariant)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*\S+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\s{0,3}(?:=+|-+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\s{0,3}(?<level>#{1,6})\s+(?<text>.*?)(?:\s+#+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxHeading();

    // Block quote markers and list bullets/numbers at the start of a line.
    [GeneratedRegex(@"^\s*(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex BlockPrefix();

    [GeneratedRegex(@"^\s*(?:>\s?)*(?:[-*+]|\d{1,3}[.)])\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();
}

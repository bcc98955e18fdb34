using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Markdown, parsed by Markdig (CommonMark plus front matter, strikethrough and pipe tables): front matter (title,
/// url, source, author, date, language) is honoured; the title is the front matter's or the first level-1 heading
/// (removed from the body). Every leaf block (paragraph, heading, list item's paragraph, code) becomes a paragraph
/// of plain text: links keep their text, images, emphasis and code markers go, soft line breaks become spaces.
/// </summary>
internal static class MarkdownArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseEmphasisExtras()
        .UsePipeTables()
        .Build();

    public static ContentFields Read(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        var fields = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } yaml
            ? FrontMatter.Read(yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()))
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var title = FrontMatter.Get(fields, "title", "headline");
        var paragraphs = new List<string>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock or LinkReferenceDefinition or ThematicBreakBlock:
                    break;
                case HeadingBlock heading when title is null && heading.Level == 1:
                    title = InlineText(heading.Inline);
                    break;
                case CodeBlock code:
                    paragraphs.AddRange(code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()));
                    break;
                default:
                    paragraphs.Add(InlineText(block.Inline));
                    break;
            }
        }

        return new ContentFields
        {
            Body = string.Join("\n\n", paragraphs.Where(p => p.Length > 0)),
            Title = title,
            Url = FrontMatter.Get(fields, "url", "canonical_url", "canonical", "link"),
            Source = FrontMatter.Get(fields, "source", "publisher", "site", "site_name"),
            Author = FrontMatter.Get(fields, "author", "authors", "byline"),
            Published = FrontMatter.Get(fields, "date", "published", "publishedAt", "published_at", "datePublished"),
            Language = FrontMatter.Get(fields, "language", "lang", "locale"),
            FirstLineMayBeHeadline = title is null,
        };
    }

    private static string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        if (inline is not null)
        {
            Append(inline, builder);
        }

        return builder.ToString().Trim();
    }

    private static void Append(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case HtmlInline or HtmlEntityInline { Transcoded.IsEmpty: true }:
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case ContainerInline child:
                    Append(child, builder);
                    break;
                default:
                    break;
            }
        }
    }
}

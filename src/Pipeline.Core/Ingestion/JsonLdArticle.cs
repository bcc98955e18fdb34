using System.Text.Json;
using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>The fields of a schema.org article in a page's JSON-LD (&lt;script type="application/ld+json"&gt;).</summary>
internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author, string? Publisher, string? Url, string? ArticleBody)
{
    public static JsonLdArticle? Find(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var json = script.TextContent;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(parsed.RootElement, depth: 0) is { } article)
                {
                    return article;
                }
            }
            catch (JsonException)
            {
                // Broken structured data is common and optional: the page's visible text is what we need.
            }
        }

        return null;
    }

    private static JsonLdArticle? FindArticle(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindArticle(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (JsonArticleReader.Find(element, "datePublished", "headline") is not null)
                {
                    return new JsonLdArticle(
                        JsonArticleReader.Name(JsonArticleReader.Find(element, "headline")),
                        JsonArticleReader.Name(JsonArticleReader.Find(element, "datePublished")),
                        JsonArticleReader.Authors(JsonArticleReader.Find(element, "author")),
                        JsonArticleReader.Name(JsonArticleReader.Find(element, "publisher")),
                        JsonArticleReader.Name(JsonArticleReader.Find(element, "url")),
                        JsonArticleReader.Find(element, "articleBody") is { ValueKind: JsonValueKind.String } body ? body.GetString() : null);
                }

                return JsonArticleReader.Find(element, "@graph") is { } graph ? FindArticle(graph, depth + 1) : null;
            default:
                return null;
        }
    }
}

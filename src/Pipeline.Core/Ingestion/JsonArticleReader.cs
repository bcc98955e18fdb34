using System.Text.Json;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// A JSON object: title, body|text|content|articleBody (a string, an array of paragraph strings, or HTML),
/// url, source (string or {name}), publishedAt|published|date|datePublished, author (string, {name}, or an array
/// of either), language. Keys are matched case-insensitively. JsonDocument needs no reflection: AOT safe.
/// </summary>
internal static class JsonArticleReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ContentFields Read(string text)
    {
        using var document = Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ArticleRejectedException(
                $"The JSON article must be an object with a \"title\" and a \"body\"; found {Describe(root.ValueKind)} at the top level.");
        }

        var bodyElement = Find(root, "body", "text", "content", "articleBody");
        var body = bodyElement is { } element ? BodyText(element) : null;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ArticleRejectedException(
                "Article is empty: the JSON has no body text. Put the article text in a \"body\", \"text\" or \"content\" string field.");
        }

        return new ContentFields
        {
            Body = body,
            Title = String(Find(root, "title", "headline")),
            Url = String(Find(root, "url", "link", "canonicalUrl")),
            Source = Name(Find(root, "source", "publisher", "siteName")),
            Published = String(Find(root, "publishedAt", "published", "date", "datePublished", "published_at")),
            Author = Authors(Find(root, "author", "authors", "byline")),
            Language = String(Find(root, "language", "lang")),
        };
    }

    /// <summary>Author as a string, an object with a name, or an array of either, joined with ", ".</summary>
    internal static string? Authors(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var names = value.EnumerateArray().Select(item => Name(item)).OfType<string>().Where(n => n.Length > 0).ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }

        return Name(value);
    }

    internal static string? Name(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => ArticleFields.Text(s.GetString()),
        { ValueKind: JsonValueKind.Object } o => String(Find(o, "name", "title")),
        _ => null,
    };

    internal static JsonElement? Find(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                    && property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static string? String(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    private static string? BodyText(JsonElement element)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Array => string.Join("\n\n", element.EnumerateArray().Select(item => String(item)).OfType<string>()),
            _ => null,
        };

        // Some exporters put the article's HTML in the body field.
        return text is not null && HtmlArticleReader.LooksLikeHtml(text) ? HtmlArticleReader.FragmentText(text) : text;
    }

    private static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            var position = ex.LineNumber is { } line
                ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
                : "";
            throw new ArticleRejectedException($"The file is not valid JSON{position}: {reason.TrimEnd('.')}.", ex);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

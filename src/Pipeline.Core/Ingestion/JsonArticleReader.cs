using System.Text.Json;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// A JSON object: title, body|text|content|articleBody (a string, an array of paragraph strings, or HTML),
/// url, source (string or {name}), publishedAt|published|date|datePublished, author (string, {name}, or an array
/// of either), language. Keys are matched case-insensitively. JsonDocument needs no reflection: AOT safe.
/// A field of the wrong type (a title that is an array, a body array holding numbers or objects) rejects the
/// article naming the field: read as text it would become a title like "1", and guessing which part is meant
/// would be worse than asking the uploader to fix the export.
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

        var bodyProperty = FindProperty(root, "body", "text", "content", "articleBody");
        var body = bodyProperty is { } property ? BodyText(property) : null;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new ArticleRejectedException(
                "Article is empty: the JSON has no body text. Put the article text in a \"body\", \"text\" or \"content\" string field.");
        }

        return new ContentFields
        {
            Body = body,
            Title = Scalar(root, "title", "headline"),
            Url = Scalar(root, "url", "link", "canonicalUrl"),
            Source = Name(Find(root, "source", "publisher", "siteName")),
            Published = Scalar(root, "publishedAt", "published", "date", "datePublished", "published_at"),
            Author = Authors(Find(root, "author", "authors", "byline")),
            Language = Scalar(root, "language", "lang"),
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

    internal static JsonElement? Find(JsonElement obj, params string[] names) => FindProperty(obj, names)?.Value;

    private static JsonProperty? FindProperty(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                    && property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    return property;
                }
            }
        }

        return null;
    }

    /// <summary>A text field: a string or a number (a title may be "1984"); any other type rejects the article.</summary>
    private static string? Scalar(JsonElement obj, params string[] names)
    {
        if (FindProperty(obj, names) is not { } property)
        {
            return null;
        }

        return String(property.Value) ?? throw new ArticleRejectedException(
            $"The JSON field \"{property.Name}\" must be a string; found {Describe(property.Value.ValueKind)}.");
    }

    private static string? String(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    private static string? BodyText(JsonProperty property)
    {
        var element = property.Value;
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Array => string.Join("\n\n", element.EnumerateArray().Select((item, i) => Paragraph(property.Name, item, i))),
            _ => throw new ArticleRejectedException(
                $"The JSON field \"{property.Name}\" must be a string or an array of paragraph strings; found {Describe(element.ValueKind)}."),
        };

        // Some exporters put the article's HTML in the body field.
        return text is not null && HtmlArticleReader.LooksLikeHtml(text) ? HtmlArticleReader.FragmentText(text) : text;
    }

    private static string Paragraph(string field, JsonElement item, int index) =>
        item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new ArticleRejectedException(
                $"The JSON field \"{field}\" must be a string or an array of paragraph strings; item {index + 1} is {Describe(item.ValueKind)}.");

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
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}

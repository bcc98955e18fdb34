using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Tools.Extraction;

/// <summary>What one extractor made of a page: body text and title, or why it failed.</summary>
internal sealed record Extraction(string? Text, string? Title, string? Failure = null, string? Source = null, string? Url = null);

/// <summary>The extractors the evaluation can compare: ours (<see cref="ArticleParser"/>) and SmartReader, a Readability port.</summary>
internal static class Extractors
{
    public static Func<string, byte[], Extraction> Create(string name) => name switch
    {
        "pipeline" => Pipeline,
        "smartreader" => SmartReaderExtraction,
        _ => throw new ArgumentException($"unknown extractor '{name}' (pipeline, smartreader)", nameof(name)),
    };

    private static readonly ArticleParser Parser = new();

    private static Extraction Pipeline(string id, byte[] html)
    {
        var raw = new RawArticle(new BlobReference("articles", id + ".html", "0x1", DateTimeOffset.UnixEpoch), html, "text/html",
            new Dictionary<string, string>());
        try
        {
            var parsed = Parser.Parse(raw);
            return new Extraction(parsed.Body, parsed.Title, Source: parsed.Source, Url: parsed.Url);
        }
        catch (ArticleRejectedException ex)
        {
            return new Extraction(null, null, ex.Message);
        }
    }

    private static Extraction SmartReaderExtraction(string id, byte[] html)
    {
        // Decoded as the dev set's baselines were: UTF-8, else the page's declared Latin-1/Windows-1252.
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(html);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(html);
        }

        var article = new SmartReader.Reader("http://fakehost/test/page.html", text).GetArticle();
        return article.IsReadable ? new Extraction(article.TextContent, article.Title) : new Extraction(null, article.Title, "not readable");
    }
}

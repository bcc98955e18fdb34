using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Test data: an uploaded blob with sensible defaults (a .txt blob, no content type, no metadata).</summary>
internal sealed class RawArticleBuilder
{
    private string _name = "articles/story.txt";
    private byte[] _content = Encoding.UTF8.GetBytes("Headline\n\nBody.");
    private string? _contentType;
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);

    public static RawArticleBuilder Text(string text) => new RawArticleBuilder().WithText(text);

    public RawArticleBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public RawArticleBuilder WithText(string text) => WithBytes(Encoding.UTF8.GetBytes(text));

    public RawArticleBuilder WithText(string text, Encoding encoding, bool withPreamble)
    {
        var body = encoding.GetBytes(text);
        return WithBytes(withPreamble ? [.. encoding.GetPreamble(), .. body] : body);
    }

    public RawArticleBuilder WithBytes(byte[] content)
    {
        _content = content;
        return this;
    }

    public RawArticleBuilder WithContentType(string? contentType)
    {
        _contentType = contentType;
        return this;
    }

    /// <summary>Keys are stored exactly as given, so tests can check case-insensitive lookup.</summary>
    public RawArticleBuilder WithMetadata(string key, string value)
    {
        _metadata[key] = value;
        return this;
    }

    public RawArticle Build() => new(
        new BlobReference("articles", _name, "0x8DC0000000000001", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)),
        _content,
        _contentType,
        _metadata);

    public ParsedArticle Parse() => new ArticleParser().Parse(Build());

    public string Rejection() => Assert.Throws<ArticleRejectedException>(() => new ArticleParser().Parse(Build())).Message;
}

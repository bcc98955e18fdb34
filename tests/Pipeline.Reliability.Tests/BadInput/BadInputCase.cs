using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Reliability.Tests.Support;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>One kind of bad (or odd) upload: its blob name, bytes, content type and metadata, and what must be stored.</summary>
internal sealed record BadInputCase(
    string Kind,
    string BlobName,
    byte[] Content,
    Expectation Expected,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    public RawArticle ToRaw() =>
        ProcessingPipeline.Raw(BlobName, Content, ContentType, Metadata ?? new Dictionary<string, string>());

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public override string ToString() => Kind;
}

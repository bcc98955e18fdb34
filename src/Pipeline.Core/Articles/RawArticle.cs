namespace Pipeline.Core.Articles;

/// <summary>An uploaded blob as the trigger saw it: bytes, content type and user metadata.</summary>
/// <param name="Blob">Which blob and version.</param>
/// <param name="Content">The raw bytes; not yet decoded.</param>
/// <param name="ContentType">The blob's Content-Type, if any.</param>
/// <param name="Metadata">Blob user metadata (case-insensitive keys: source, url, published, author, title, language).</param>
public sealed record RawArticle(
    BlobReference Blob,
    ReadOnlyMemory<byte> Content,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>
    /// The blob's real size in bytes. Equals <see cref="Content"/>'s length unless the reader skipped an oversized
    /// blob (then Content is empty and this is the size it declared), so no more than the limit is ever held in memory.
    /// </summary>
    public long ContentLength { get; init; } = Content.Length;
}

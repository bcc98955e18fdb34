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
    IReadOnlyDictionary<string, string> Metadata);

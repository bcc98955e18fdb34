using Microsoft.AspNetCore.Http.Metadata;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// Per-endpoint Kestrel body limit (applied by endpoint routing) for invocation payloads, which inline the
/// whole blob base64-encoded. Sized for a blob of twice Processing:MaxArticleBytes plus 1 MiB of metadata, so a
/// blob somewhat over the article limit still reaches the processor and becomes a visible "too large" failed
/// record; anything larger is refused with 413 and the host retries, then poisons it.
/// </summary>
public sealed class RequestBodyLimit(long maxRequestBodySize) : IRequestSizeLimitMetadata
{
    private const long MetadataOverhead = 1024 * 1024;

    public long? MaxRequestBodySize { get; } = maxRequestBodySize;

    public static RequestBodyLimit ForArticles(long maxArticleBytes) =>
        new(Base64Length(2 * maxArticleBytes) + MetadataOverhead);

    public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;
}

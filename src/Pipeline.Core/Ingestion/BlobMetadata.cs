namespace Pipeline.Core.Ingestion;

/// <summary>The uploader's blob metadata, read with case-insensitive keys; blank values count as absent.</summary>
internal sealed record BlobMetadata(string? Title, string? Source, string? Url, string? Published, string? Author, string? Language)
{
    public static BlobMetadata From(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new BlobMetadata(
            Get(metadata, "title"),
            Get(metadata, "source"),
            Get(metadata, "url"),
            Get(metadata, "published") ?? Get(metadata, "publishedat"),
            Get(metadata, "author"),
            Get(metadata, "language"));
    }

    private static string? Get(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (metadata.TryGetValue(key, out var direct))
        {
            return Blank(direct);
        }

        foreach (var (name, value) in metadata)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return Blank(value);
            }
        }

        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

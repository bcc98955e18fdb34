namespace Pipeline.Core.Articles;

/// <summary>The blob an article was read from and the version of it that was read.</summary>
/// <param name="Container">Blob container name.</param>
/// <param name="Name">Blob name inside the container (may contain '/').</param>
/// <param name="ETag">The blob version's ETag, quotes stripped.</param>
/// <param name="LastModified">When that version was written; orders versions.</param>
public sealed record BlobReference(string Container, string Name, string ETag, DateTimeOffset LastModified)
{
    /// <summary>The article id this blob maps to; stable across versions of the same blob.</summary>
    public string ArticleId => Articles.ArticleId.For(Container, Name);
}

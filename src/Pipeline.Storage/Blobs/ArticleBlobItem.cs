namespace Pipeline.Storage.Blobs;

/// <summary>One blob of the articles container as listed.</summary>
/// <param name="ETag">Quotes stripped.</param>
public sealed record ArticleBlobItem(string Name, string ETag, DateTimeOffset LastModified, long Length);

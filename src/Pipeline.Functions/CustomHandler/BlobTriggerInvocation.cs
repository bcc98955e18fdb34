using Pipeline.Core.Articles;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// What a blob-trigger payload yielded: the article to process; or, when the content is unusable, only the
/// blob (so a failed record can still be written) and the problem; or neither (nothing identifies the blob).
/// </summary>
internal sealed record BlobTriggerInvocation(RawArticle? Article, BlobReference? Blob, string? Problem, IReadOnlyList<string> Notes);

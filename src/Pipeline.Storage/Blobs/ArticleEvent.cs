namespace Pipeline.Storage.Blobs;

/// <summary>What happened to a blob in the articles container, as told by a message on the events queue.</summary>
public enum ArticleEventKind
{
    Created,
    Deleted,
}

/// <summary>One received event; complete it once it has been handed on.</summary>
public sealed record ArticleEvent(ArticleEventKind Kind, string BlobName, string MessageId, string PopReceipt);

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// Names shared with functions/*/function.json: the folder name is the function name, and the host POSTs
/// non-HTTP invocations to /{FunctionName}. A contract test keeps the two in step.
/// </summary>
public static class FunctionNames
{
    /// <summary>Blob trigger on articles/{name} (Event Grid source).</summary>
    public const string ProcessArticle = "ProcessArticle";

    /// <summary>Binding name of the blob trigger: the key of the content in the payload's Data.</summary>
    public const string ProcessArticleBinding = "article";

    /// <summary>The container the blob trigger watches (function.json path "articles/{name}").</summary>
    public const string ArticlesContainer = "articles";

    /// <summary>Event Grid trigger receiving Microsoft.Storage.BlobDeleted events.</summary>
    public const string DeleteArticle = "DeleteArticle";

    /// <summary>Binding name of the Event Grid trigger: the key of the event in the payload's Data.</summary>
    public const string DeleteArticleBinding = "event";

    /// <summary>
    /// Queue trigger on the blob extension's poison queue: a blob whose processing failed poisonBlobThreshold times
    /// becomes a visible failed article instead of a message nobody reads.
    /// </summary>
    public const string RecordPoisonedArticle = "RecordPoisonedArticle";

    /// <summary>Binding name of the poison-queue trigger.</summary>
    public const string RecordPoisonedArticleBinding = "message";
}

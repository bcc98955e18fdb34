namespace Pipeline.Functions;

/// <summary>Names the bindings share with infra/ (app settings, queues, Event Grid subscriptions) and the README.</summary>
internal static class FunctionBindings
{
    /// <summary>App-setting prefix of the articles account: ArticlesStorage__blobServiceUri, __queueServiceUri, __credential, __clientId.</summary>
    public const string ArticlesConnection = "ArticlesStorage";

    /// <summary>The blob trigger's path; the container must match Storage:ArticlesContainer (both "articles" by default).</summary>
    public const string ArticlesPath = "articles/{name}";

    /// <summary>Where the blob extension moves a blob after extensions.blobs.poisonBlobThreshold failed attempts.</summary>
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>The queue Event Grid delivers Microsoft.Storage.BlobDeleted events to (infra/modules/eventgrid.bicep).</summary>
    public const string DeletionsQueue = "article-deletions";
}

namespace Pipeline.Core.Ingestion;

/// <summary>The uploaded blob is not an article we can read; the message is shown to users as the failure reason.</summary>
public sealed class ArticleRejectedException : Exception
{
    public ArticleRejectedException()
    {
    }

    public ArticleRejectedException(string message)
        : base(message)
    {
    }

    public ArticleRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

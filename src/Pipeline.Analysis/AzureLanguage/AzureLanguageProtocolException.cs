namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// The service answered 200 with a body we cannot read (not JSON, or missing results/documents).
/// Treated as transient: a garbled or truncated body is a transport or gateway fault, not the article's;
/// retried, then propagated so the trigger retries and, if it persists, the message lands in poison.
/// </summary>
public sealed class AzureLanguageProtocolException : Exception
{
    public AzureLanguageProtocolException()
    {
    }

    public AzureLanguageProtocolException(string message)
        : base(message)
    {
    }

    public AzureLanguageProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

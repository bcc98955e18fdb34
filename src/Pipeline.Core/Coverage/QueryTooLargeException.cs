namespace Pipeline.Core.Coverage;

/// <summary>A query whose answer would be too large to return; the message says how to narrow it.</summary>
public sealed class QueryTooLargeException : Exception
{
    public QueryTooLargeException()
    {
    }

    public QueryTooLargeException(string message)
        : base(message)
    {
    }

    public QueryTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

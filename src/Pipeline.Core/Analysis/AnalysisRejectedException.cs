namespace Pipeline.Core.Analysis;

/// <summary>The analyzer refused this document for good (e.g. the service's per-document error). Not retried.</summary>
public sealed class AnalysisRejectedException : Exception
{
    public AnalysisRejectedException()
    {
    }

    public AnalysisRejectedException(string message)
        : base(message)
    {
    }

    public AnalysisRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

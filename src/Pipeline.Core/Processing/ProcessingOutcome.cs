using Pipeline.Core.Articles;

namespace Pipeline.Core.Processing;

public enum ProcessingResult
{
    /// <summary>Analyzed and stored.</summary>
    Stored,

    /// <summary>Stored as failed with a reason.</summary>
    Failed,

    /// <summary>This version (or a newer one) was already stored; nothing written.</summary>
    AlreadyCurrent,
}

public sealed record ProcessingOutcome(string ArticleId, ProcessingResult Result, ArticleStatus? Status, string? FailureReason);

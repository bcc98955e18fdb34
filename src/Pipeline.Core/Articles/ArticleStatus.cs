namespace Pipeline.Core.Articles;

public enum ArticleStatus
{
    /// <summary>Parsed and fully analyzed.</summary>
    Processed,

    /// <summary>Parsed, but in a language the analyzer cannot score: stored without sentiment or entities.</summary>
    Unscored,

    /// <summary>Could not be processed; <see cref="ArticleRecord.FailureReason"/> says why.</summary>
    Failed,
}

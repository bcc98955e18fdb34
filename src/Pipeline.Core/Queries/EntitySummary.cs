namespace Pipeline.Core.Queries;

/// <summary>One row of the entity leaderboard.</summary>
/// <param name="Id">Entity id (see Analysis.EntityId).</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Category">Azure AI Language category.</param>
/// <param name="ArticleCount">Articles that mention the entity.</param>
/// <param name="MentionCount">Mentions across those articles.</param>
/// <param name="AverageSentiment">Mean polarity (positive minus negative, -1..1) toward the entity per article; null when never scored.</param>
public sealed record EntitySummary(
    string Id,
    string Name,
    string Category,
    int ArticleCount,
    int MentionCount,
    double? AverageSentiment);

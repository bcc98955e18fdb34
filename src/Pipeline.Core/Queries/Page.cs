namespace Pipeline.Core.Queries;

/// <summary>One page of results; pass its <c>continuationToken</c> back to get the next. Null means the end.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

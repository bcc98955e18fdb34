using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>GET /api/entities.</summary>
public sealed record EntityList(IReadOnlyList<EntitySummary> Items);

using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Queries;

namespace Pipeline.Functions.Api;

/// <summary>Source-generated JSON for every API payload: camelCase, enums as the strings Core declares (Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleDetails))]
[JsonSerializable(typeof(Page<ArticleSummary>))]
[JsonSerializable(typeof(EntityList))]
[JsonSerializable(typeof(EntitySummary))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>GET /api/entities.</summary>
public sealed record EntityList(IReadOnlyList<EntitySummary> Items);

/// <summary>GET /api/health.</summary>
public sealed record HealthReport(string Status, string Analyzer, WatcherReport? Watcher);

public sealed record WatcherReport(bool InitialSweepDone, DateTimeOffset? LastSweep, double NextListingSeconds, long Events, int Pending, long Processed, long Failed, long Deleted, long Retries);

using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Functions.Api;

/// <summary>Source-generated JSON for every API payload: camelCase, enums as camelCase strings (Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<ArticleStatus>), typeof(CamelCaseEnumConverter<Sentiment>)])]
[JsonSerializable(typeof(ArticleDetails))]
[JsonSerializable(typeof(Page<ArticleSummary>))]
[JsonSerializable(typeof(EntityList))]
[JsonSerializable(typeof(EntitySummary))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

internal sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;

/// <summary>GET /api/entities.</summary>
public sealed record EntityList(IReadOnlyList<EntitySummary> Items);

/// <summary>GET /api/health.</summary>
public sealed record HealthReport(string Status, string Analyzer, WatcherReport? Watcher);

public sealed record WatcherReport(bool InitialSweepDone, DateTimeOffset? LastSweep, int Pending, long Processed, long Failed, long Deleted, long Retries);

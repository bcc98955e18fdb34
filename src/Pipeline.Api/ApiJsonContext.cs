using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Api.Health;
using Pipeline.Api.Queries;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;

namespace Pipeline.Api;

/// <summary>Source-generated JSON for every API payload: camelCase, enums as the strings Core declares (Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleDetails))]
[JsonSerializable(typeof(Page<ArticleSummary>))]
[JsonSerializable(typeof(EntityList))]
[JsonSerializable(typeof(EntitySummary))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(Timeline))]
[JsonSerializable(typeof(SourceList))]
[JsonSerializable(typeof(EntitySources))]
[JsonSerializable(typeof(CoMentionList))]
[JsonSerializable(typeof(CorpusStatus))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

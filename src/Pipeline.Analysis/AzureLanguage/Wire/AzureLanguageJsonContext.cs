using System.Text.Json.Serialization;

namespace Pipeline.Analysis.AzureLanguage.Wire;

/// <summary>Source-generated (Native AOT safe) JSON for the `:analyze-text` wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class AzureLanguageJsonContext : JsonSerializerContext;

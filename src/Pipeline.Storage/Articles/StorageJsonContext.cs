using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Storage.Articles;

/// <summary>Source-generated JSON (Native AOT): camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IndexKeys))]
[JsonSerializable(typeof(ContinuationState))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Articles;

/// <summary>The stored form of an <see cref="ArticleRecord"/>: one JSON shape for every results store.</summary>
public static class ArticleRecordJson
{
    public static byte[] Serialize(ArticleRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, ArticleRecordJsonContext.Default.ArticleRecord);

    public static ArticleRecord Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ArticleRecordJsonContext.Default.ArticleRecord)
        ?? throw new JsonException("A stored article record is null.");
}

/// <summary>Source-generated JSON (Native AOT): camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SentimentScoresConverter)])]
[JsonSerializable(typeof(ArticleRecord))]
internal sealed partial class ArticleRecordJsonContext : JsonSerializerContext;

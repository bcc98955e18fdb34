using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Pipeline.Core.Aggregates;
using Pipeline.Storage.Articles;

namespace Pipeline.Storage.Entities;

/// <summary>
/// An <see cref="EntityContribution"/> as stored with its article (receipts, time-index rows): one compact JSON
/// element per entity.
/// </summary>
internal sealed record StoredContribution(
    [property: JsonPropertyName("i")] string EntityId,
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("c")] string Category,
    [property: JsonPropertyName("m")] int Mentions,
    [property: JsonPropertyName("p")] long? PolarityMicro,
    [property: JsonPropertyName("t")] long Ticks)
{
    /// <summary>The column (see <see cref="ChunkedColumn"/>) holding an article's contributions.</summary>
    public const string Column = "Entities";

    public static List<StoredContribution> From(IEnumerable<EntityContribution> contributions) =>
        [.. contributions.OrderBy(c => c.EntityId, StringComparer.Ordinal)
            .Select(c => new StoredContribution(c.EntityId, c.Name, c.Category, c.Mentions, c.PolarityMicro, c.Ticks))];

    public static IReadOnlyList<StoredContribution> Read(TableEntity row) =>
        ChunkedColumn.Read(row, Column) is { } json
            ? JsonSerializer.Deserialize(json, StoredContributionJson.Default.ListStoredContribution) ?? []
            : [];

    public static void Write(TableEntity row, IReadOnlyCollection<StoredContribution> contributions) =>
        ChunkedColumn.Write(row, Column, contributions.Count == 0 ? null : JsonSerializer.Serialize(contributions.ToList(), StoredContributionJson.Default.ListStoredContribution));
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<StoredContribution>))]
internal sealed partial class StoredContributionJson : JsonSerializerContext;

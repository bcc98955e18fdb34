using System.Text.Json.Serialization;

namespace Pipeline.Core.Coverage;

/// <summary>The width of a timeline point. Weeks start on Monday (ISO 8601); all buckets are UTC.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeBucket>))]
public enum TimeBucket
{
    [JsonStringEnumMemberName("day")]
    Day,

    [JsonStringEnumMemberName("week")]
    Week,

    [JsonStringEnumMemberName("month")]
    Month,
}

using System.Text.Json.Serialization;

namespace Pipeline.Core.Articles;

/// <summary>Serialized as "processed", "unscored", "failed" wherever it is written (API, stored analysis).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArticleStatus>))]
public enum ArticleStatus
{
    /// <summary>Parsed and fully analyzed.</summary>
    [JsonStringEnumMemberName("processed")]
    Processed,

    /// <summary>Parsed, but in a language the analyzer cannot score: stored without sentiment or entities.</summary>
    [JsonStringEnumMemberName("unscored")]
    Unscored,

    /// <summary>Could not be processed; <see cref="ArticleRecord.FailureReason"/> says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

using System.Text.Json.Serialization;

namespace Pipeline.Core.Analysis;

/// <summary>Sentiment labels, named (and serialized) as Azure AI Language names them: "positive", "neutral", ...</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sentiment>))]
public enum Sentiment
{
    [JsonStringEnumMemberName("neutral")]
    Neutral,
    [JsonStringEnumMemberName("positive")]
    Positive,
    [JsonStringEnumMemberName("negative")]
    Negative,

    /// <summary>A document whose sentences are clearly positive and clearly negative.</summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,
}

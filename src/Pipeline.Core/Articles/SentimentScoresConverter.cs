using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Analysis;

namespace Pipeline.Core.Articles;

/// <summary>
/// <see cref="SentimentScores"/> is a struct with get-only properties: System.Text.Json would use its implicit
/// parameterless constructor and read back zeros, so it is written and read explicitly.
/// </summary>
internal sealed class SentimentScoresConverter : JsonConverter<SentimentScores>
{
    public override SentimentScores Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Sentiment scores must be an object.");
        }

        double positive = 0, neutral = 0, negative = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "positive": positive = reader.GetDouble(); break;
                case "neutral": neutral = reader.GetDouble(); break;
                case "negative": negative = reader.GetDouble(); break;
                default: reader.Skip(); break;
            }
        }

        return new SentimentScores(positive, neutral, negative);
    }

    public override void Write(Utf8JsonWriter writer, SentimentScores value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("positive", value.Positive);
        writer.WriteNumber("neutral", value.Neutral);
        writer.WriteNumber("negative", value.Negative);
        writer.WriteEndObject();
    }
}

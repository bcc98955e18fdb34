using System.Text.Json;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>Writes doubles rounded to 12 places: scores re-normalized on read can move the last bit.</summary>
internal sealed class RoundedDoubleConverter : System.Text.Json.Serialization.JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(Math.Round(value, 12));
}

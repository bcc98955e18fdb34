using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Cli.Export;

/// <summary>Writes rows as CSV (RFC 4180, header first) or JSON Lines (one object per line).</summary>
internal abstract class RowWriter(TextWriter output)
{
    protected TextWriter Output => output;

    public static RowWriter Create(ExportFormat format, TextWriter output) =>
        format == ExportFormat.Csv ? new CsvRowWriter(output) : new JsonLinesRowWriter(output);

    public abstract Task WriteAsync(ExportRow row);

    private sealed class CsvRowWriter(TextWriter output) : RowWriter(output)
    {
        private bool _headerWritten;

        public override async Task WriteAsync(ExportRow row)
        {
            if (!_headerWritten)
            {
                await Output.WriteLineAsync(string.Join(',', row.Values.Select(v => Quote(v.Key))));
                _headerWritten = true;
            }

            await Output.WriteLineAsync(string.Join(',', row.Values.Select(v => Quote(Format(v.Value)))));
        }

        private static string Format(object? value) => value switch
        {
            null => "",
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static string Quote(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private sealed class JsonLinesRowWriter(TextWriter output) : RowWriter(output)
    {
        public override async Task WriteAsync(ExportRow row)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var (name, value) in row.Values)
                {
                    switch (value)
                    {
                        case null: json.WriteNull(name); break;
                        case string s: json.WriteString(name, s); break;
                        case DateTimeOffset t: json.WriteString(name, t); break;
                        case int i: json.WriteNumber(name, i); break;
                        case double d: json.WriteNumber(name, d); break;
                        default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                    }
                }

                json.WriteEndObject();
            }

            await Output.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }
}

internal enum ExportFormat
{
    Csv,
    Jsonl,
}

internal enum ExportContent
{
    Articles,
    Mentions,
}

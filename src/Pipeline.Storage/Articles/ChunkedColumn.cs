using System.Text;
using Azure.Data.Tables;

namespace Pipeline.Storage.Articles;

/// <summary>
/// A long string kept in one row as numbered columns ("{name}0", "{name}1", … and "{name}Parts"): one Tables string
/// property holds at most 32K UTF-16 chars, and a row up to 1 MiB.
/// </summary>
internal static class ChunkedColumn
{
    private const int Chunk = 30_000;

    public static string? Read(TableEntity row, string name)
    {
        var parts = row.GetInt32(name + "Parts") ?? 0;
        if (parts == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            text.Append(row.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }

    public static void Write(TableEntity row, string name, string? text)
    {
        var old = row.GetInt32(name + "Parts") ?? 0;
        for (var i = 0; i < old; i++)
        {
            row.Remove(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var parts = 0;
        for (var offset = 0; text is not null && offset < text.Length; offset += Chunk, parts++)
        {
            row[name + parts.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text.Substring(offset, Math.Min(Chunk, text.Length - offset));
        }

        row[name + "Parts"] = parts;
    }
}

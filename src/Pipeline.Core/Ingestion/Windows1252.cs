using System.Text;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Windows-1252 decoding without the CodePages provider (not available under InvariantGlobalization/trimming):
/// Latin-1 plus the 0x80–0x9F punctuation block that Windows editors emit (curly quotes, dashes, euro sign).
/// </summary>
internal static class Windows1252
{
    // 0x80..0x9F; the five undefined positions keep their Latin-1 control code point.
    private const string High =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append(b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b);
        }

        return builder.ToString();
    }
}

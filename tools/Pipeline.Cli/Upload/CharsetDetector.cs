using System.Text;

namespace Pipeline.Cli.Upload;

/// <summary>
/// The charset to declare for a text file, from its bytes: a byte-order mark decides; else valid UTF-8 is UTF-8; else
/// the file is taken as Windows-1252 when it uses 0x80–0x9F (curly quotes, dashes) and ISO-8859-1 otherwise. Those are
/// the legacy charsets the pipeline decodes (docs/ingestion.md); labelling everything UTF-8 made Latin-1 files fail.
/// </summary>
internal static class CharsetDetector
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return "utf-32le";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return "utf-8";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "utf-16le";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "utf-16be";
        }

        if (IsUtf8(content))
        {
            return "utf-8";
        }

        foreach (var b in content)
        {
            if (b is >= 0x80 and <= 0x9F)
            {
                return "windows-1252";
            }
        }

        return "iso-8859-1";
    }

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

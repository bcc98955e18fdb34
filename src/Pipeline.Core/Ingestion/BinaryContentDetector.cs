namespace Pipeline.Core.Ingestion;

/// <summary>
/// Recognises uploads that are not text at all, so users learn "this is a PDF" rather than "not valid UTF-8".
/// </summary>
internal static class BinaryContentDetector
{
    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (Word .docx and similar office files are ZIP archives)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a legacy Microsoft Office document (.doc/.xls)"),
        ("{\\rtf"u8.ToArray(), "an RTF document"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        ("MZ"u8.ToArray(), "a Windows executable"),
    ];

    /// <summary>A description of the binary format the bytes start with, or null.</summary>
    public static string? DetectSignature(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, name) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return name;
            }
        }

        // RIFF containers: WEBP images, WAV audio, AVI video.
        if (content.Length >= 12 && content.StartsWith("RIFF"u8))
        {
            return content[8..12].SequenceEqual("WEBP"u8) ? "a WebP image" : "a RIFF media file (audio/video)";
        }

        return null;
    }

    /// <summary>
    /// Share of control characters other than tab, line feed, carriage return and form feed.
    /// Text written by people has essentially none; decoded binary has many.
    /// </summary>
    public static double ControlCharacterRatio(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f') && c is not (>= '\u0080' and <= '\u009F'))
            {
                count++;
            }
        }

        return (double)count / text.Length;
    }
}

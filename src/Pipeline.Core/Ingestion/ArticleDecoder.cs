using System.Text;

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Bytes to text. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32); without one the bytes must be valid
/// UTF-8, unless the content type (or, failing that, an HTML page's &lt;meta charset&gt;) declares Latin-1 or Windows-1252. Guessing other legacy encodings would silently
/// corrupt names and quotes, so anything else is rejected with a reason the uploader can act on.
/// </summary>
internal static class ArticleDecoder
{
    private const double MaxControlRatio = 0.05;
    private const int MaxStrayNulRatio = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UTF32Encoding StrictUtf32Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);

    public static string Decode(ReadOnlySpan<byte> content, string? contentType)
    {
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("Article is empty: the file has no content (0 bytes).");
        }

        var binary = BinaryContentDetector.DetectSignature(content);
        if (binary is not null)
        {
            throw new ArticleRejectedException($"The file is {binary}, not a text article. Upload plain text, HTML, JSON or Markdown.");
        }

        var text = DecodeText(content, ContentTypeHeader.Charset(contentType) ?? HtmlMetaCharset.Find(content));
        if (BinaryContentDetector.ControlCharacterRatio(text) > MaxControlRatio)
        {
            throw new ArticleRejectedException(
                "The file looks like binary data (it is full of control characters), not a text article. Upload plain text, HTML, JSON or Markdown.");
        }

        return text;
    }

    private static string DecodeText(ReadOnlySpan<byte> content, string? charset)
    {
        // UTF-32 LE's mark starts with UTF-16 LE's, so it is checked first.
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Strict(StrictUtf32Le, content[4..], "UTF-32");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(StrictUtf8, content[3..], "UTF-8");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(StrictUtf16Le, content[2..], "UTF-16");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(StrictUtf16Be, content[2..], "UTF-16");
        }

        // A few stray NULs in a large page (a CMS debug dump) are dropped, as browsers do; many mean UTF-16 or binary.
        var nuls = content.Count((byte)0);
        if (nuls > 0 && nuls <= content.Length / MaxStrayNulRatio)
        {
            return DecodeText(content.ToArray().Where(b => b != 0).ToArray(), charset);
        }

        if (nuls > 0)
        {
            throw new ArticleRejectedException(
                "The file contains NUL bytes, so it is binary data or UTF-16 text without a byte-order mark. Save it as UTF-8 (or UTF-16 with a byte-order mark).");
        }

        switch (charset)
        {
            case "iso-8859-1" or "latin1" or "latin-1" or "l1" or "iso_8859-1":
                return Encoding.Latin1.GetString(content);
            case "windows-1252" or "cp1252" or "x-cp1252":
                return Windows1252.Decode(content);
            default:
                return Strict(StrictUtf8, content, "UTF-8");
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string declared)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var position = ex.Index >= 0 ? $" (the first invalid sequence is near byte {ex.Index})" : "";
            throw new ArticleRejectedException(
                $"The file is not valid UTF-8 or UTF-16 text: it could not be decoded as {declared}{position}. " +
                "Save it as UTF-8, or declare charset=windows-1252 or iso-8859-1 in the content type.",
                ex);
        }
    }
}

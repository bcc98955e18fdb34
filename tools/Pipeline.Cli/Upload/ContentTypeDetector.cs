namespace Pipeline.Cli.Upload;

/// <summary>
/// The Content-Type to upload a file with: the format from its extension (what the pipeline's format detection reads
/// first), the charset from its bytes. A file with another extension is text/plain unless it holds NUL bytes without a
/// byte-order mark, which text never does: then it is application/octet-stream and the pipeline records it as binary.
/// </summary>
internal static class ContentTypeDetector
{
    public static string Detect(string path, ReadOnlySpan<byte> content)
    {
        var mediaType = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => "text/html",
            ".json" => "application/json",
            ".md" or ".markdown" => "text/markdown",
            ".txt" or ".text" => "text/plain",
            _ => null,
        };

        var charset = CharsetDetector.Detect(content);
        if (mediaType is null)
        {
            var unicodeWithMark = charset is "utf-16le" or "utf-16be" or "utf-32le";
            if (!unicodeWithMark && content.Contains((byte)0))
            {
                return "application/octet-stream";
            }

            mediaType = "text/plain";
        }

        return $"{mediaType}; charset={charset}";
    }
}

using System.IO.Compression;
using Pipeline.Core.Articles;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// The full record (text and analysis) as Brotli-compressed JSON: the analysis JSON is several times the article's
/// size and compresses about 6:1, which is what keeps 100,000 articles to a few hundred megabytes on disk.
/// </summary>
internal static class RecordCodec
{
    // Quality 4 compresses at well over 100 MB/s: far below the analyzer's cost per article.
    private const int Quality = 4;
    private const int Window = 22;

    public static byte[] Encode(ArticleRecord record)
    {
        var json = ArticleRecordJson.Serialize(record);
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, buffer, out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress an article record.");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    public static ArticleRecord Decode(byte[] stored)
    {
        using var input = new MemoryStream(stored, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var json = new MemoryStream(stored.Length * 6);
        brotli.CopyTo(json);
        return ArticleRecordJson.Deserialize(json.GetBuffer().AsSpan(0, (int)json.Length));
    }
}

using System.IO.Compression;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Distributional word classes: lower-cased word → class id at <see cref="Levels"/> granularities (coarse first),
/// k-means clusters of GloVe 6B vectors made offline by `Pipeline.Tools embeddings-clusters` (see docs/ner.md,
/// NOTICE.md). Keyed by <see cref="FeatureHash.Lower"/>, the hash the tagger already has for every token, so a lookup
/// allocates nothing; stored as sorted hashes and packed ids (~2.8 MB for the 200k-word default table, no strings kept).
/// </summary>
public sealed class WordClusters
{
    /// <summary>Granularities per word (the resource's columns after the word).</summary>
    public const int Levels = 3;

    /// <summary>The embedded resource's file name.</summary>
    public const string Resource = "word-clusters.txt.gz";

    private readonly ulong[] _hashes;
    private readonly ushort[] _ids;

    private WordClusters(ulong[] hashes, ushort[] ids)
    {
        _hashes = hashes;
        _ids = ids;
    }

    /// <summary>Words with classes.</summary>
    public int Count => _hashes.Length;

    /// <summary>The embedded table, loaded once.</summary>
    public static WordClusters Default => LazyDefault.Value;

    private static readonly Lazy<WordClusters> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Reads UTF-8 "word TAB id TAB id TAB id" lines (ids in 0..65534). When two words fold to the same lower-case form
    /// the first (the more frequent: the file is in frequency order) wins.
    /// </summary>
    /// <remarks>
    /// Streamed through one 64 KB buffer into lists sized for the default table, no string per line: loading must not
    /// leave much more garbage than the two arrays it keeps (large transient buffers showed as +20 MB peak RSS).
    /// </remarks>
    public static WordClusters Read(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var hashes = new List<ulong>(1 << 18);
        var ids = new List<ushort>(Levels << 18);
        var buffer = new byte[1 << 16];
        var filled = 0;
        var line = 0;
        while (true)
        {
            var read = utf8.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var text = buffer.AsSpan(0, filled);
            int newline;
            while ((newline = text.IndexOf((byte)'\n')) >= 0)
            {
                ParseLine(text[..newline], ++line, hashes, ids);
                text = text[(newline + 1)..];
            }

            if (read == 0)
            {
                ParseLine(text, ++line, hashes, ids);
                break;
            }

            if (text.Length == buffer.Length)
            {
                throw new InvalidDataException($"word clusters line {line + 1}: longer than {buffer.Length} bytes");
            }

            text.CopyTo(buffer);
            filled = text.Length;
        }

        // Sort by hash; among equal hashes (two spellings that fold alike) the earlier line wins.
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes);
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        keys.Sort(order.AsSpan());
        var count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (count > 0 && keys[count - 1] == keys[i])
            {
                order[count - 1] = Math.Min(order[count - 1], order[i]);
                continue;
            }

            keys[count] = keys[i];
            order[count] = order[i];
            count++;
        }

        var packed = new ushort[count * Levels];
        for (var i = 0; i < count; i++)
        {
            for (var level = 0; level < Levels; level++)
            {
                packed[(i * Levels) + level] = ids[(order[i] * Levels) + level];
            }
        }

        return new WordClusters(keys[..count].ToArray(), packed);
    }

    /// <summary>One "word TAB id TAB id TAB id" line (an empty line is skipped).</summary>
    private static void ParseLine(ReadOnlySpan<byte> rest, int line, List<ulong> hashes, List<ushort> ids)
    {
        if (rest.IsEmpty)
        {
            return;
        }

        Span<char> word = stackalloc char[256];
        var tab = rest.IndexOf((byte)'\t');
        if (tab <= 0 || System.Text.Encoding.UTF8.GetCharCount(rest[..tab]) > word.Length)
        {
            throw new InvalidDataException($"word clusters line {line}: expected a word and {Levels} class ids");
        }

        var chars = System.Text.Encoding.UTF8.GetChars(rest[..tab], word);
        hashes.Add(FeatureHash.Lower(word[..chars]));
        rest = rest[(tab + 1)..];
        for (var level = 0; level < Levels; level++)
        {
            tab = rest.IndexOf((byte)'\t');
            var field = tab < 0 ? rest : rest[..tab];
            if ((tab < 0) != (level == Levels - 1)
                || !System.Buffers.Text.Utf8Parser.TryParse(field, out ushort id, out var used)
                || used != field.Length
                || id == ushort.MaxValue)
            {
                throw new InvalidDataException($"word clusters line {line}: expected a word and {Levels} class ids (0..65534)");
            }

            ids.Add(id);
            rest = tab < 0 ? [] : rest[(tab + 1)..];
        }
    }

    /// <summary>The class of the word with lower-case hash <paramref name="lower"/> at <paramref name="level"/> (0 = coarsest), or -1.</summary>
    public int ClassOf(ulong lower, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels);
        var row = Array.BinarySearch(_hashes, lower);
        return row < 0 ? -1 : _ids[(row * Levels) + level];
    }

    /// <summary>The word's class at <paramref name="level"/>, case-insensitive ("Fidesz" = "fidesz"), or -1.</summary>
    public int ClassOf(ReadOnlySpan<char> word, int level) => ClassOf(FeatureHash.Lower(word), level);

    /// <summary>All levels packed for <see cref="WordProperties"/>: 16 bits per level, each id + 1 (0 = no class).</summary>
    internal ulong Packed(ulong lower)
    {
        var row = Array.BinarySearch(_hashes, lower);
        if (row < 0)
        {
            return 0;
        }

        var packed = 0UL;
        for (var level = 0; level < Levels; level++)
        {
            packed |= (ulong)(_ids[(row * Levels) + level] + 1) << (16 * level);
        }

        return packed;
    }

    /// <summary>The class at <paramref name="level"/> from a <see cref="Packed"/> value, or -1.</summary>
    internal static int Unpack(ulong packed, int level) => (int)((packed >> (16 * level)) & 0xFFFF) - 1;

    private static WordClusters LoadDefault()
    {
        using var stream = NerResources.Open(Resource);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        return Read(gzip);
    }
}

using System.Globalization;
using System.IO.Compression;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Distributional word classes: lower-cased word → class id at <see cref="Levels"/> granularities (coarse first),
/// k-means clusters of GloVe 6B vectors made offline by `Pipeline.Tools embeddings-clusters` (see docs/ner.md,
/// NOTICE.md). Keyed by <see cref="FeatureHash.Lower"/>, the hash the tagger already has for every token, so a lookup
/// allocates nothing; stored as sorted hashes and packed ids (~1.5 MB for 100k words, no strings kept).
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

    /// <summary>No word has a class (the tagger's cluster features are then absent).</summary>
    public static WordClusters Empty { get; } = new([], []);

    private static readonly Lazy<WordClusters> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Reads "word TAB id TAB id TAB id" lines (ids in 0..65534). When two words fold to the same lower-case form the
    /// first (the more frequent: the file is in frequency order) wins.
    /// </summary>
    public static WordClusters Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new Dictionary<ulong, ushort[]>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var parts = text.Split('\t');
            if (parts.Length != Levels + 1 || parts[0].Length == 0)
            {
                throw new InvalidDataException($"word clusters line {line}: expected a word and {Levels} class ids");
            }

            var ids = new ushort[Levels];
            for (var level = 0; level < Levels; level++)
            {
                if (!ushort.TryParse(parts[level + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ids[level]) || ids[level] == ushort.MaxValue)
                {
                    throw new InvalidDataException($"word clusters line {line}: bad class id '{parts[level + 1]}'");
                }
            }

            rows.TryAdd(FeatureHash.Lower(parts[0]), ids);
        }

        var hashes = rows.Keys.ToArray();
        Array.Sort(hashes);
        var packed = new ushort[hashes.Length * Levels];
        for (var i = 0; i < hashes.Length; i++)
        {
            rows[hashes[i]].CopyTo(packed, i * Levels);
        }

        return new WordClusters(hashes, packed);
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
        using var reader = new StreamReader(gzip);
        return Read(reader);
    }
}

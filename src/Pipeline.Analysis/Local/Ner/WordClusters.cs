using System.Collections.Frozen;
using System.IO.Compression;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Distributional word classes (word → class id at several granularities, coarse first), induced offline from
/// unlabeled text by `Pipeline.Tools ner-clusters` (see NOTICE.md). Case-sensitive exact-token lookup that
/// allocates nothing; unknown words have no class.
/// </summary>
public sealed class WordClusters
{
    /// <summary>Granularities stored per word (the resource's columns after the word).</summary>
    public const int Levels = 3;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _ids;

    public WordClusters(IEnumerable<(string Word, int[] Ids)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<int>();
        foreach (var (word, classes) in entries)
        {
            if (classes.Length != Levels || !index.TryAdd(word, ids.Count / Levels))
            {
                continue;
            }

            ids.AddRange(classes);
        }

        _ids = [.. ids];
        _lookup = index.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _ids.Length / Levels;

    /// <summary>The embedded table (word-clusters.txt.gz), loaded once.</summary>
    public static WordClusters Default => LazyDefault.Value;

    private static readonly Lazy<WordClusters> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The word's class at <paramref name="level"/> (0 = coarsest), or -1 when the word has none.</summary>
    public int ClassOf(ReadOnlySpan<char> word, int level) =>
        _lookup.TryGetValue(word, out var i) ? _ids[(i * Levels) + level] : -1;

    /// <summary>The row of the word in the table (for <see cref="ClassAt"/>), or -1.</summary>
    internal int RowOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var i) ? i : -1;

    internal int ClassAt(int row, int level) => _ids[(row * Levels) + level];

    private static WordClusters LoadDefault()
    {
        using var stream = NerResources.Open("word-clusters.txt.gz");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var entries = new List<(string, int[])>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length == Levels + 1)
            {
                entries.Add((parts[0], parts.Skip(1).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray()));
            }
        }

        return new WordClusters(entries);
    }
}

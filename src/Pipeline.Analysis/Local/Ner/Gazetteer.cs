using System.IO.Compression;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>Which name lists a token sequence appears in.</summary>
[Flags]
public enum GazetteerKind : byte
{
    None = 0,
    City = 1,
    Region = 2,
    Country = 4,
    FirstName = 8,

    /// <summary>Set on a token sequence that begins a longer entry: matching stops extending where it is absent.</summary>
    Continues = 0x80,
}

/// <summary>
/// Name lists matched over token sequences (up to <see cref="MaxTokens"/> tokens) by a 64-bit hash of the
/// tokens, so matching allocates nothing. Case-sensitive: "Reading" the town, not "reading".
/// </summary>
public sealed class Gazetteer
{
    public const int MaxTokens = 5;

    // 100,000-200,000 token-sequence hashes: 2.3 MB open-addressed where a Dictionary took 8.7 MB.
    private readonly HashMap64<GazetteerKind> _entries = new();

    /// <summary>Distinct names (token sequences in at least one list).</summary>
    public int Count { get; private set; }

    /// <summary>The embedded lists (GeoNames cities/regions, country names, first names; see NOTICE.md).</summary>
    public static Gazetteer Default => LazyDefault.Value;

    private static readonly Lazy<Gazetteer> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public void Add(string name, GazetteerKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count is 0 or > MaxTokens)
        {
            return;
        }

        var h = FeatureHash.Seed;
        for (var i = 0; i < tokens.Count; i++)
        {
            h = Extend(h, name.AsSpan(tokens[i].Start, tokens[i].Length), i == 0);
            var mark = i == tokens.Count - 1 ? kind : GazetteerKind.Continues;
            var before = _entries.GetValueOrDefault(h);
            Count += (before & ~GazetteerKind.Continues) == 0 && (mark & ~GazetteerKind.Continues) != 0 ? 1 : 0;
            _entries.Set(h, before | mark);
        }
    }

    /// <summary>The lists containing exactly tokens[start..end).</summary>
    public GazetteerKind Lookup(string text, ReadOnlySpan<TextSpan> tokens, int start, int end) =>
        _entries.GetValueOrDefault(HashOf(text, tokens, start, end)) & ~GazetteerKind.Continues;

    /// <summary>
    /// The lists containing the token sequence with this <see cref="Extend"/> hash, with
    /// <see cref="GazetteerKind.Continues"/> when a longer entry starts with it.
    /// </summary>
    internal GazetteerKind Lookup(ulong hash) => _entries.GetValueOrDefault(hash);

    /// <summary>Extends a token-sequence hash (start from <see cref="FeatureHash.Seed"/>) by one token.</summary>
    internal static ulong Extend(ulong h, ReadOnlySpan<char> token, bool first)
    {
        if (!first)
        {
            h = FeatureHash.Add(h, '\u001F');
        }

        foreach (var c in token)
        {
            h = FeatureHash.Add(h, c is '\u2019' ? '\'' : c);
        }

        return h;
    }

    private static ulong HashOf(string text, ReadOnlySpan<TextSpan> tokens, int start, int end)
    {
        var h = FeatureHash.Seed;
        for (var i = start; i < end; i++)
        {
            h = Extend(h, text.AsSpan(tokens[i].Start, tokens[i].Length), i == start);
        }

        return h;
    }

    private static Gazetteer LoadDefault()
    {
        var g = new Gazetteer();
        g.AddResource("cities.txt.gz", GazetteerKind.City);
        g.AddResource("regions.txt.gz", GazetteerKind.Region);
        g.AddResource("countries.txt.gz", GazetteerKind.Country);
        g.AddResource("first-names.txt.gz", GazetteerKind.FirstName);
        return g;
    }

    private void AddResource(string name, GazetteerKind kind)
    {
        using var stream = NerResources.Open(name);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                Add(line, kind);
            }
        }
    }
}

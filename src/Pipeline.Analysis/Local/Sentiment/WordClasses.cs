using System.IO.Compression;
using System.Runtime.InteropServices;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Local.Sentiment;

/// <summary>What word vectors say about one word: a fine and a coarse k-means cluster and a polarity predicted from the vector.</summary>
internal readonly record struct WordClass(ushort Fine, ushort Coarse, sbyte Polarity, int Row = -1)
{
    /// <summary>Polarity on the VADER valence scale (about -4..4), stored in steps of 1/32.</summary>
    public float Valence => Polarity / PolarityScale;

    public const float PolarityScale = 32f;
}

/// <summary>
/// A compact derivative of GloVe word vectors for the target model: per word a fine and a coarse cluster id and a
/// predicted polarity, so that context words unseen in training still share evidence with their neighbours in vector
/// space, and optionally a low-dimensional (PCA) projection of each word's vector. Built deterministically by <c>Pipeline.Tools build-word-classes</c>; keyed by the word's <see cref="TextHash"/>,
/// the hash every token already carries, so a lookup costs one dictionary probe. Serialized as zlib-compressed
/// (word, fine, coarse, polarity) rows followed by the projected vectors quantized to bytes.
/// </summary>
internal sealed class WordClasses
{
    private const int Magic = 0x31435757; // "WWC1"
    private const string ResourceName = "Pipeline.Analysis.Sentiment.word-classes.bin";

    private static readonly Lazy<WordClasses?> LazyDefault = new(LoadDefault);

    private readonly WordHashTable<WordClass> classes;
    // Kept as bytes: a quarter of the cache footprint of floats, and target scoring is bound by memory, not arithmetic.
    private readonly sbyte[] vectors;

    /// <param name="words">Rows in frequency order.</param>
    /// <param name="fineCount">Number of fine clusters.</param>
    /// <param name="coarseCount">Number of coarse clusters.</param>
    /// <param name="vectorDimensions">Dimensions of the projected vectors (0: none).</param>
    /// <param name="vectors">Row-major projected vectors, <see cref="VectorScale"/> steps per unit.</param>
    public WordClasses(IReadOnlyList<KeyValuePair<string, WordClass>> words, int fineCount, int coarseCount, int vectorDimensions = 0, sbyte[]? vectors = null)
        : this(words, fineCount, coarseCount, vectorDimensions, vectors ?? [], null)
    {
        if ((vectors?.Length ?? 0) != words.Count * vectorDimensions)
        {
            throw new ArgumentException("Vectors do not match the words.", nameof(vectors));
        }
    }

    private WordClasses(IReadOnlyList<KeyValuePair<string, WordClass>> words, int fineCount, int coarseCount, int vectorDimensions, sbyte[] vectors, WordHashTable<WordClass>? shared)
    {
        ArgumentNullException.ThrowIfNull(words);
        Words = words;
        FineCount = fineCount;
        CoarseCount = coarseCount;
        VectorDimensions = vectorDimensions;
        this.vectors = vectors;

        if (shared is not null)
        {
            classes = shared;
            return;
        }

        classes = new WordHashTable<WordClass>(words.Select((w, i) => KeyValuePair.Create(TextHash.Of(w.Key), w.Value with { Row = i })));
    }

    /// <summary>Quantization of the projected vectors: a stored byte b stands for b / VectorScale.</summary>
    public const float VectorScale = 32f;

    public int VectorDimensions { get; }

    /// <summary>The quantized projected vector of a word, <see cref="VectorScale"/> steps per unit (empty without vectors or for a word not in the table).</summary>
    public ReadOnlySpan<sbyte> Vector(in WordClass wordClass) => Vector(wordClass.Row);

    /// <summary>The quantized projected vector of the table's row <paramref name="row"/> (empty without vectors or for -1).</summary>
    public ReadOnlySpan<sbyte> Vector(int row) =>
        VectorDimensions == 0 || row < 0 ? default : vectors.AsSpan(row * VectorDimensions, VectorDimensions);

    /// <summary>The same classes feeding another set of feature families (for measuring each family).</summary>
    public WordClasses WithFeatures(WordClassFeatures features) => new(Words, FineCount, CoarseCount, VectorDimensions, vectors, classes) { Features = features };

    /// <summary>The embedded word classes, or null when the analyzer was built without them.</summary>
    public static WordClasses? Default => LazyDefault.Value;

    /// <summary>Rows in frequency order, as written.</summary>
    public IReadOnlyList<KeyValuePair<string, WordClass>> Words { get; }

    public int FineCount { get; }

    public int CoarseCount { get; }

    public int Count => classes.Count;

    /// <summary>Which feature families the target model gets from these classes.</summary>
    public WordClassFeatures Features { get; init; } = WordClassFeatures.Default;

    /// <summary>The classes of the lower-cased word whose <see cref="TextHash"/> is <paramref name="wordHash"/>.</summary>
    public bool TryGet(ulong wordHash, out WordClass wordClass) => classes.TryGetValue(wordHash, out wordClass);

    public void Write(Stream stream)
    {
        using var zlib = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zlib);
        writer.Write(Magic);
        writer.Write(FineCount);
        writer.Write(CoarseCount);
        writer.Write(Words.Count);
        foreach (var (word, c) in Words)
        {
            writer.Write(word);
            writer.Write(c.Fine);
            writer.Write(c.Coarse);
            writer.Write(c.Polarity);
        }

        writer.Write(VectorDimensions);
        writer.Write(MemoryMarshal.AsBytes(vectors.AsSpan()));
    }

    public static WordClasses Read(Stream stream)
    {
        using var zlib = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(zlib);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a word-class table.");
        }

        var fine = reader.ReadInt32();
        var coarse = reader.ReadInt32();
        var count = reader.ReadInt32();
        var words = new KeyValuePair<string, WordClass>[count];
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            words[i] = new(word, new WordClass(reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadSByte()));
        }

        var dimensions = reader.ReadInt32();
        var bytes = reader.ReadBytes(count * dimensions);
        if (bytes.Length != count * dimensions)
        {
            throw new InvalidDataException("Word-class table is truncated.");
        }

        var vectors = MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan()).ToArray();
        return new WordClasses(words, fine, coarse, dimensions, vectors);
    }

    private static WordClasses? LoadDefault()
    {
        using var stream = typeof(WordClasses).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}

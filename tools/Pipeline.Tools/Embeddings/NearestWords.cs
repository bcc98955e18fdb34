namespace Pipeline.Tools.Embeddings;

/// <summary>embeddings-nearest WORD...: the ten nearest words by cosine, to sanity-check the vectors a model is built from.</summary>
internal static class NearestWords
{
    public static int Run(IReadOnlyList<string> words)
    {
        var vectors = WordVectors.Load(maxWords: 100_000);
        Console.WriteLine($"{vectors.Count} words x {vectors.Dimensions}");
        var norms = new float[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            norms[i] = MathF.Sqrt(Dot(vectors.Vector(i), vectors.Vector(i)));
        }

        foreach (var word in words)
        {
            var row = vectors.IndexOf(word.ToLowerInvariant());
            if (row < 0)
            {
                Console.WriteLine($"{word}: not in the vocabulary");
                continue;
            }

            var nearest = Enumerable.Range(0, vectors.Count)
                .Where(i => i != row)
                .Select(i => (Word: vectors.Words[i], Cosine: Dot(vectors.Vector(row), vectors.Vector(i)) / (norms[row] * norms[i])))
                .OrderByDescending(p => p.Cosine)
                .Take(10);
            Console.WriteLine($"{word}: {string.Join(' ', nearest.Select(p => $"{p.Word}({p.Cosine:F2})"))}");
        }

        return 0;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}

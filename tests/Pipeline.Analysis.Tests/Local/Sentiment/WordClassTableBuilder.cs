using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>Builds small word-class tables with 4-dimensional vectors (zero unless given).</summary>
internal sealed class WordClassTableBuilder
{
    public const int Dimensions = 4;

    private readonly List<KeyValuePair<string, WordClass>> words = [];
    private readonly List<sbyte> vectors = [];

    public WordClassTableBuilder Add(string word, float polarity = 0, float[]? vector = null)
    {
        words.Add(new(word, new WordClass((ushort)words.Count, 0, (sbyte)(polarity * WordClass.PolarityScale))));
        for (var d = 0; d < Dimensions; d++)
        {
            vectors.Add((sbyte)((vector?[d] ?? 0) * WordClasses.VectorScale));
        }

        return this;
    }

    public WordClasses Build(WordClassFeatures features = WordClassFeatures.Default) =>
        new WordClasses(words, words.Count, 1, Dimensions, [.. vectors]).WithFeatures(features);
}

namespace Pipeline.Analysis.Local.Ner;

/// <summary>What the tagger's features need of one word, computed once per word type.</summary>
internal readonly record struct WordProperties(ulong Raw, ulong Lower, ulong Shape, ulong LongShape, ulong Suffix3, int Case, int Cue, int Length, ulong Clusters)
{
    public static WordProperties Of(ReadOnlySpan<char> w, ulong raw)
    {
        var (shape, longShape) = NerFeatureExtractor.Shapes(w);
        var lower = FeatureHash.Lower(w);
        return new WordProperties(
            raw,
            lower,
            shape,
            longShape,
            w.Length > 3 ? FeatureHash.Lower(w[^3..]) : 0,
            NerFeatureExtractor.CaseClass(w),
            (int)NerLexicon.CueOf(w),
            w.Length,
            WordClusters.Default.Packed(lower));
    }
}

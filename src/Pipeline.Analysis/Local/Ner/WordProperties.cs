namespace Pipeline.Analysis.Local.Ner;

/// <summary>What the tagger's features (and the rule entities' first test) need of one word, computed once per word type.</summary>
internal readonly record struct WordProperties(ulong Raw, ulong Lower, ulong Shape, ulong LongShape, ulong Suffix3, int Case, int Cue, int Length, ulong Clusters, bool MayStartRule, ulong GazetteerHash, GazetteerKind GazetteerFirst)
{
    public static WordProperties Of(ReadOnlySpan<char> w, ulong raw)
    {
        var (shape, longShape) = NerFeatureExtractor.Shapes(w);
        var lower = FeatureHash.Lower(w);
        // Gazetteer matches start at a capitalised token: its one-token hash and entry in the default gazetteer.
        var capital = w.Length > 0 && char.IsUpper(w[0]);
        var gazetteerHash = capital ? Gazetteer.Extend(FeatureHash.Seed, w, first: true) : 0;
        return new WordProperties(
            raw,
            lower,
            shape,
            longShape,
            w.Length > 3 ? FeatureHash.Lower(w[^3..]) : 0,
            NerFeatureExtractor.CaseClass(w),
            (int)NerLexicon.CueOf(w),
            w.Length,
            WordClusters.Default.Packed(lower),
            RuleEntities.MayStart(w),
            gazetteerHash,
            capital ? Gazetteer.Default.Lookup(gazetteerHash) : GazetteerKind.None);
    }
}

using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>
/// Entity-level exact-match scores of the embedded tagger on a CoNLL file: sentence tokens are joined with
/// spaces (offsets known) and tagged; micro-F1 over PER/LOC/ORG, per-type F1 (MISC reported separately).
/// </summary>
internal static class NerEvaluation
{
    public static IReadOnlyList<KeyValuePair<string, string>> Evaluate(string file) =>
        NerScore.Run(NerTagger.Default, ConllReader.Read(file)).Metrics();
}

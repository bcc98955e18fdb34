using Pipeline.Analysis.Local.Sentiment;

namespace Pipeline.Tools.TargetNet;

/// <summary>One labelled target: its sentence's encoded inputs (shared by the sentence's targets) and its tokens [From, To).</summary>
internal sealed record TargetNetExample(TargetNetInput Input, int From, int To, int Label, float[]? Soft = null);

internal static class TargetNetExamples
{
    /// <summary>
    /// Encodes every row as the analyzer does at inference: the sentence tokenized with the target lexicon and scored by
    /// VADER, every target span of the sentence (all rows sharing its text) marked, then each row's own target.
    /// </summary>
    public static List<TargetNetExample> Encode(IReadOnlyList<SentimentExample> rows, VaderLexicon lexicon, WordClasses classes)
    {
        var examples = new TargetNetExample[rows.Count];
        foreach (var sentence in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Text, StringComparer.Ordinal))
        {
            var ws = SentimentWorkspace.Current;
            SentenceTokenizer.Tokenize(sentence.Key, lexicon, ws);
            VaderScorer.Score(ws, lexicon);
            if (ws.Count == 0)
            {
                throw new InvalidDataException($"A row's sentence has no words: '{sentence.Key}'.");
            }

            var input = new TargetNetInput(classes.VectorDimensions);
            input.Encode(ws, classes);
            var tokens = sentence.ToDictionary(i => i, i => SentimentAnalyzer.TargetTokens(ws, rows[i].TargetStart, rows[i].TargetEnd - rows[i].TargetStart));
            foreach (var (from, to) in tokens.Values)
            {
                input.MarkTarget(from, to);
            }

            foreach (var (i, (from, to)) in tokens)
            {
                examples[i] = new TargetNetExample(input, from, to, rows[i].Label);
            }
        }

        return [.. examples];
    }
}

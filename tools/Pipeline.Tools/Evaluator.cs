namespace Pipeline.Tools;

/// <summary>
/// eval: recognises each file's format from its content and prints one line "FILE key=value ...".
/// JSONL with "targetStart" → targeted sentiment; JSONL with "text" and "score" → sentence sentiment;
/// token&lt;TAB&gt;BIO lines → NER.
/// </summary>
internal static class Evaluator
{
    public static int Run(IReadOnlyList<string> files)
    {
        var status = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{file}: no such file");
                status = 1;
                continue;
            }

            IReadOnlyList<KeyValuePair<string, string>> metrics = DetectFormat(file) switch
            {
                EvalFormat.TargetedSentiment => TargetedSentimentEvaluation.Evaluate(file),
                EvalFormat.SentenceSentiment => SentenceSentimentEvaluation.Evaluate(file),
                EvalFormat.Ner => NerEvaluation.Evaluate(file),
                _ => [],
            };
            if (metrics.Count == 0)
            {
                Console.Error.WriteLine($"{file}: unrecognised format");
                status = 1;
                continue;
            }

            Console.WriteLine(file + " " + string.Join(' ', metrics.Select(m => m.Key + "=" + m.Value)));
            if (DetectFormat(file) == EvalFormat.SentenceSentiment && SentenceQuarterEvaluation.Describe(SentimentData.Read(file), Pipeline.Analysis.Local.Sentiment.SentimentAnalyzer.CreateDefault()) is { Length: > 0 } quarters)
            {
                Console.WriteLine(file + " by article quarter: " + quarters);
            }
        }

        return status;
    }

    internal static EvalFormat DetectFormat(string file)
    {
        var first = File.ReadLines(file).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        if (first.StartsWith('{'))
        {
            return first.Contains("\"targetStart\"", StringComparison.Ordinal) ? EvalFormat.TargetedSentiment
                : first.Contains("\"text\"", StringComparison.Ordinal) && first.Contains("\"score", StringComparison.Ordinal) ? EvalFormat.SentenceSentiment
                : EvalFormat.Unknown;
        }

        var parts = first.Split('\t');
        return parts.Length == 2 && (parts[1] == "O" || parts[1].StartsWith("B-", StringComparison.Ordinal) || parts[1].StartsWith("I-", StringComparison.Ordinal))
            ? EvalFormat.Ner
            : EvalFormat.Unknown;
    }
}

internal enum EvalFormat
{
    Unknown,
    SentenceSentiment,
    TargetedSentiment,
    Ner,
}

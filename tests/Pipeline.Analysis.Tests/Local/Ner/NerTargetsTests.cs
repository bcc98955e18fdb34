using Pipeline.Analysis.Local.Ner;
using Xunit.Abstractions;

namespace Pipeline.Analysis.Tests.Local.Ner;

/// <summary>
/// Optional: the embedded model's entity-level micro-F1 (PER/LOC/ORG) on the shared dev sets. Needs ../shared
/// next to the repository; reports SKIPPED in its output when absent. Thresholds are the measured scores minus
/// a small margin (see EVAL.md), so a regression fails.
/// </summary>
public sealed class NerTargetsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("gum-ner/wikinews_dev.conll", 80.0)]
    [InlineData("crossner-politics/dev.conll", 82.0)]
    [InlineData("uner-en-ewt/dev.conll", 68.0)]
    public void MicroF1_SharedDevSet_AtLeastMeasured(string file, double minimum)
    {
        var path = FindShared("data/eval/" + file);
        if (path is null)
        {
            output.WriteLine($"SKIPPED: ../shared/data/eval/{file} not found.");
            return;
        }

        int tp = 0, predicted = 0, gold = 0;
        foreach (var s in ReadConll(path))
        {
            var tags = new int[s.Tokens.Length];
            NerTagger.Default.Tag(s.Text, s.Tokens, tags, []);
            var g = NerTags.Spans(s.Tags).Where(x => x.Type < 3).ToHashSet();
            var p = NerTags.Spans(tags).Where(x => x.Type < 3).ToList();
            gold += g.Count;
            predicted += p.Count;
            tp += p.Count(g.Contains);
        }

        var precision = 100.0 * tp / predicted;
        var recall = 100.0 * tp / gold;
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"{file}: micro-F1 {f1:0.0} (P {precision:0.0}, R {recall:0.0})");
        Assert.True(f1 >= minimum, $"micro-F1 {f1:0.0} < {minimum}");
    }

    private static string? FindShared(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", relative);
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }

    private static IEnumerable<LabelledSentence> ReadConll(string path)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(path).Append(""))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                if (tokens.Count > 0)
                {
                    yield return LabelledSentence.FromTokens(tokens, tags);
                    tokens.Clear();
                    tags.Clear();
                }

                continue;
            }

            tokens.Add(parts[0].Trim().Length == 0 ? "_" : parts[0].Trim());
            tags.Add(parts[^1].Trim());
        }
    }
}

using System.Text.Json;

namespace Pipeline.Tools;

/// <summary>A labelled sentence (vader-nyt format) or a labelled target in a sentence (NewsMTSC format).</summary>
/// <param name="Article">The vader-nyt article id, or -1 when the file has none.</param>
internal sealed record SentimentExample(string Text, int Label, double Score, int TargetStart, int TargetEnd, bool MultiTarget = false, int Article = -1)
{
    public bool HasTarget => TargetEnd > TargetStart;
}

internal static class SentimentData
{
    /// <summary>Class index as the models order them: 0 negative, 1 neutral, 2 positive.</summary>
    public static int LabelIndex(string? label) => label switch
    {
        "negative" => 0,
        "neutral" => 1,
        "positive" => 2,
        _ => throw new InvalidDataException($"Unknown label '{label}'."),
    };

    public static List<SentimentExample> Read(string file)
    {
        var rows = new List<SentimentExample>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString() ?? "";
            var label = LabelIndex(root.GetProperty("label").GetString());
            var score = root.TryGetProperty("scoreNorm", out var norm) ? norm.GetDouble()
                : root.TryGetProperty("score", out var s) ? s.GetDouble() : 0;
            var targetStart = root.TryGetProperty("targetStart", out var ts) ? ts.GetInt32() : 0;
            var targetEnd = root.TryGetProperty("targetEnd", out var te) ? te.GetInt32() : 0;
            var multiTarget = root.TryGetProperty("multiTarget", out var mt) && mt.ValueKind == JsonValueKind.True;
            var article = root.TryGetProperty("article", out var a) ? a.GetInt32() : -1;
            rows.Add(new SentimentExample(text, label, score, targetStart, targetEnd, multiTarget, article));
        }

        return rows;
    }
}

namespace Pipeline.Core.Ingestion;

/// <summary>
/// Short lines after an article's last sentence are the page's, not the story's: "More on this topic", "Read also:",
/// "Back to the list", related headlines. Trailing lines of at most <see cref="MaxWords"/> words that do not end a
/// sentence are dropped, at most <see cref="MaxLines"/> of them; the first line that ends with a full stop (or "!", "…") stops the trim.
/// </summary>
internal static class TrailingLabels
{
    private const int MaxWords = 12;

    // A longer run of short lines is the article's own list or table, not a few labels.
    private const int MaxLines = 3;

    // Labels are a small part of the text: on a short page the last lines may be the story itself.
    private const int MaxShare = 20;

    public static string Trim(string text)
    {
        var paragraphs = TextNormalizer.Paragraphs(text);
        var removed = 0;
        var budget = text.Length / MaxShare;
        while (paragraphs.Count > 1)
        {
            var last = paragraphs[^1];
            while (last.Count > 0 && removed < MaxLines && IsLabel(last[^1]) && last[^1].Length <= budget)
            {
                budget -= last[^1].Length;
                last.RemoveAt(last.Count - 1);
                removed++;
            }

            if (last.Count > 0)
            {
                break;
            }

            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return TextNormalizer.Join(paragraphs);
    }

    private static bool IsLabel(string line)
    {
        if (BoilerplateRules.WordCount(line) > MaxWords)
        {
            return false;
        }

        var end = line.TrimEnd('"', '\'', '”', '’', '»', '«', ')', ']', ' ');
        return end.Length == 0 || end[^1] is not ('.' or '!' or '…' or '。' or '！' or '．');
    }
}

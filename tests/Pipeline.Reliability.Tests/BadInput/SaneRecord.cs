using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>What every stored (not failed) article must satisfy, whatever its input was.</summary>
internal static class SaneRecord
{
    public static void Verify(ArticleRecord record)
    {
        var text = record.Text;
        Assert.False(string.IsNullOrWhiteSpace(text), "stored article without text");
        Assert.False(string.IsNullOrWhiteSpace(record.Title), "stored article without title");
        Assert.DoesNotContain(record.Title!, IsInvisibleOrControl);
        Assert.DoesNotContain(text!, c => char.IsControl(c) && c is not ('\n' or '\t'));
        Assert.DoesNotContain('\uFFFD', text!); // nothing decoded by guesswork
        if (record.Url is { } url)
        {
            Assert.True(url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal), url);
        }

        var analysis = record.Analysis!;
        var language = analysis.Language.Iso6391Name;
        Assert.True(language == "(Unknown)" || LanguageCodes.IsIso6391(language), $"language '{language}' is not ISO 639-1");
        Assert.InRange(analysis.Language.ConfidenceScore, 0, 1);
        Assert.Equal(record.Status == ArticleStatus.Processed, analysis.IsScored);
        if (analysis.Sentiment is { } sentiment)
        {
            Assert.InRange(sentiment.Scores.Positive + sentiment.Scores.Neutral + sentiment.Scores.Negative, 0.999, 1.001);
        }

        foreach (var sentence in analysis.Sentences)
        {
            Assert.InRange(sentence.Offset, 0, text!.Length);
            Assert.InRange(sentence.Offset + sentence.Length, sentence.Offset, text.Length);
        }

        foreach (var mention in analysis.Entities.SelectMany(e => e.Mentions))
        {
            Assert.InRange(mention.Offset + mention.Length, mention.Length, text!.Length);
            Assert.Equal(mention.Text, text.Substring(mention.Offset, mention.Length));
        }
    }

    // Controls, and the bidi embeddings, overrides and isolates that reorder a title when it is displayed.
    private static bool IsInvisibleOrControl(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

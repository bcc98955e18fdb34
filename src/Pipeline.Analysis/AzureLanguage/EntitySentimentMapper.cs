using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>An opinion-mining target, offsets mapped to the article.</summary>
internal sealed record OpinionTarget(int Offset, int Length, SentimentResult Sentiment);

/// <summary>
/// Sentiment toward an entity mention. Rule: the opinion-mining targets overlapping the mention's span decide it
/// (their mean; positive with negative gives Mixed). With no target on the mention, it takes the sentiment of the
/// sentence containing it. Categories that carry no opinion (DateTime, Quantity, contact details) get none.
/// An entity's sentiment is the mean over its mentions.
/// </summary>
internal sealed class EntitySentimentMapper(IReadOnlyList<OpinionTarget> targets, IReadOnlyList<SentenceResult> sentences)
{
    private static readonly HashSet<string> NoSentimentCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "DateTime", "Quantity", "PhoneNumber", "Email", "URL", "IP", "Address",
    };

    public static bool CarriesSentiment(string category) => !NoSentimentCategories.Contains(category);

    public SentimentResult? ForMention(int offset, int length)
    {
        var end = offset + length;
        var overlapping = targets
            .Where(t => t.Offset < end && offset < t.Offset + t.Length)
            .Select(t => (t.Sentiment, 1.0))
            .ToList();
        if (overlapping.Count > 0)
        {
            return SentimentRollup.Combine(overlapping);
        }

        foreach (var s in sentences)
        {
            if (offset >= s.Offset && offset < s.Offset + s.Length)
            {
                return s.Sentiment;
            }
        }

        return null;
    }
}

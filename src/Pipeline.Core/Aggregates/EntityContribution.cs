using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Aggregates;

/// <summary>What one article adds to one entity's totals.</summary>
/// <param name="PolarityMicro">Polarity toward the entity in millionths (integers add and subtract exactly); null if unscored.</param>
/// <param name="Ticks">UTC ticks of the article timestamp: lets partial days be summed exactly.</param>
public sealed record EntityContribution(string EntityId, string Name, string Category, int Mentions, long? PolarityMicro, long Ticks)
{
    public const double Scale = 1_000_000d;

    /// <summary>
    /// One contribution per distinct entity id (analyzers may report the same entity twice with different casing).
    /// A duplicate (<see cref="ArticleRecord.DuplicateOf"/>) contributes nothing: its story is counted once, by its first upload.
    /// </summary>
    public static IReadOnlyDictionary<string, EntityContribution> From(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = new Dictionary<string, EntityContribution>(StringComparer.Ordinal);
        if (record.Analysis is null || !record.IsCounted)
        {
            return result;
        }

        foreach (var group in record.Analysis.Entities.GroupBy(e => e.Id, StringComparer.Ordinal))
        {
            var first = group.First();
            var name = group.Select(e => e.Name).Aggregate(EntityNames.Prefer);
            var polarities = group.Where(e => e.Sentiment is not null).Select(e => e.Sentiment!.Scores.Polarity).ToList();
            long? polarity = polarities.Count == 0 ? null : (long)Math.Round(polarities.Average() * Scale);
            result[group.Key] = new EntityContribution(
                group.Key, name, first.Category, group.Sum(e => e.Mentions.Count), polarity, record.Timestamp.UtcTicks);
        }

        return result;
    }

    /// <summary>The key of a name in the name index: the slug that <see cref="EntityId"/> uses for names.</summary>
    public static string NameKey(string name) => Pipeline.Core.Analysis.EntityId.For("c", name)[2..];
}

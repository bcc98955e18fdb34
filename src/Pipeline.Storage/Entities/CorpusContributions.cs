using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;

namespace Pipeline.Storage.Entities;

/// <summary>
/// What an article adds to the corpus-wide totals, kept beside the entity totals as pseudo-entities so they are exact
/// and current by the same receipts (an update or delete takes the old contribution out) and sharded the same way
/// (no hot row). Their ids start with '~', which no entity id does (entity ids are slugs), so they sort after every
/// entity and the leaderboards' ranges leave them out. "~c|{state}" counts articles by state (all-time partition
/// only); "~s|{source key}" sums the document tone of the counted articles per outlet (all-time and month partitions).
/// </summary>
internal static class CorpusContributions
{
    public const char Marker = '~';
    public const string CountPrefix = "~c|";
    public const string SourcePrefix = "~s|";
    public const string Category = "~";

    public const string Processed = CountPrefix + "processed";
    public const string Unscored = CountPrefix + "unscored";
    public const string Failed = CountPrefix + "failed";
    public const string Undated = CountPrefix + "undated";
    public const string Duplicate = CountPrefix + "duplicate";

    /// <summary>The article's pseudo-contributions to the all-time partition.</summary>
    public static IEnumerable<StoredContribution> AllTime(ArticleRecord record, string? sourceKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ticks = record.Timestamp.UtcTicks;
        yield return Count(record.Status switch
        {
            ArticleStatus.Processed => Processed,
            ArticleStatus.Unscored => Unscored,
            _ => Failed,
        }, ticks);
        if (!record.IsDated)
        {
            yield return Count(Undated, ticks);
        }

        if (record.DuplicateOf is not null)
        {
            yield return Count(Duplicate, ticks);
        }

        if (OfSource(record, sourceKey) is { } source)
        {
            yield return source;
        }
    }

    /// <summary>The article's pseudo-contributions to its month's partition (a dated article's outlet tone).</summary>
    public static IEnumerable<StoredContribution> Monthly(ArticleRecord record, string? sourceKey) =>
        OfSource(record, sourceKey) is { } source ? [source] : [];

    public static bool IsPseudo(string entityId) => entityId.Length > 0 && entityId[0] == Marker;

    /// <summary>The outlet's display name as stored: null for articles whose outlet is not known.</summary>
    public static string? SourceName(string storedName) => storedName.Length == 0 ? null : storedName;

    // Only counted articles (not failed, not a repeat of a story counted elsewhere) add to an outlet's totals.
    private static StoredContribution? OfSource(ArticleRecord record, string? sourceKey) =>
        record.IsCounted
            ? new StoredContribution(SourcePrefix + (sourceKey ?? ""), record.Source ?? "", Category, 0, DocumentPolarity(record), record.Timestamp.UtcTicks)
            : null;

    private static StoredContribution Count(string id, long ticks) => new(id, id[CountPrefix.Length..], Category, 0, null, ticks);

    /// <summary>A document's polarity (positive minus negative) in millionths, rounded half away from zero as SQLite's round() does.</summary>
    public static long PolarityMicro(double polarity) => (long)Math.Round(polarity * EntityContribution.Scale, MidpointRounding.AwayFromZero);

    private static long? DocumentPolarity(ArticleRecord record) =>
        record.Analysis?.Sentiment is { } s ? PolarityMicro(s.Scores.Polarity) : null;
}

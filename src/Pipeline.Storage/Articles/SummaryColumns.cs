using Azure.Data.Tables;
using Pipeline.Core.Aggregates;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

/// <summary>The summary columns every article row carries (Articles and each index), so listings need no extra reads.</summary>
internal static class SummaryColumns
{
    public const string Id = "ArticleId";
    public const string Status = "Status";
    public const string SourceKey = "SourceKey";
    public const string LanguageKey = "LanguageKey";
    public const string Sentiment = "Sentiment";
    public const string DuplicateOf = "DuplicateOf";

    /// <summary>The columns <see cref="Read"/> needs: listings select only these (time-index rows also carry contributions).</summary>
    public static readonly string[] Names =
    [
        Id, Status, "FailureReason", "BlobName", "Title", "Source", "Url", "Author", "PublishedAt", "ArticleTime", "ProcessedAt",
        "Language", Sentiment, "SentimentPositive", "SentimentNeutral", "SentimentNegative", "AnalyzerVersion",
        "DateSource", "SourceOrigin", DuplicateOf, EntityMentions, EntityPolarityMicro,
    ];

    /// <summary>On an entity's index rows: the article's mentions of that entity and its polarity toward it (millionths).</summary>
    public const string EntityMentions = "EntityMentions";

    /// <inheritdoc cref="EntityMentions"/>
    public const string EntityPolarityMicro = "EntityPolarityMicro";

    // Tables strings are limited to 32K UTF-16 chars; the full values are in the analysis blob.
    private const int MaxText = 4000;

    public static TableEntity Create(string partitionKey, string rowKey, ArticleRecord record)
    {
        var e = new TableEntity(partitionKey, rowKey)
        {
            [Id] = record.Id,
            [Status] = record.Status.ToString(),
            ["FailureReason"] = Clip(record.FailureReason),
            ["BlobName"] = Clip(record.Blob.Name),
            ["Title"] = Clip(record.Title),
            ["Source"] = Clip(record.Source),
            [SourceKey] = record.Source is null ? null : KeyEncoder.SourceKey(record.Source),
            ["Url"] = Clip(record.Url),
            ["Author"] = Clip(record.Author),
            ["PublishedAt"] = record.PublishedAt,
            ["DateSource"] = record.DateSource?.ToString(),
            ["SourceOrigin"] = record.SourceOrigin?.ToString(),
            ["ArticleTime"] = record.Timestamp,
            ["ProcessedAt"] = record.ProcessedAt,
            ["AnalyzerVersion"] = record.AnalyzerVersion,
            [DuplicateOf] = record.DuplicateOf,
        };
        var language = record.Analysis?.Language.Iso6391Name;
        e["Language"] = language;
        e[LanguageKey] = language?.ToLowerInvariant();
        if (record.Analysis?.Sentiment is { } s)
        {
            e[Sentiment] = s.Label.ToString();
            e["SentimentPositive"] = s.Scores.Positive;
            e["SentimentNeutral"] = s.Scores.Neutral;
            e["SentimentNegative"] = s.Scores.Negative;
        }

        return e;
    }

    public static ArticleSummary Read(TableEntity e)
    {
        var label = e.GetString(Sentiment);
        SentimentResult? sentiment = null;
        if (label is not null && Enum.TryParse<Sentiment>(label, out var parsed))
        {
            var scores = new SentimentScores(
                e.GetDouble("SentimentPositive") ?? 0, e.GetDouble("SentimentNeutral") ?? 1, e.GetDouble("SentimentNegative") ?? 0);
            sentiment = new SentimentResult(parsed, scores);
        }

        return new ArticleSummary
        {
            Id = e.GetString(Id),
            Status = Enum.Parse<ArticleStatus>(e.GetString(Status)),
            FailureReason = e.GetString("FailureReason"),
            BlobName = e.GetString("BlobName") ?? "",
            Title = e.GetString("Title"),
            Source = e.GetString("Source"),
            Url = e.GetString("Url"),
            Author = e.GetString("Author"),
            PublishedAt = e.GetDateTimeOffset("PublishedAt"),
            DateSource = Enum.TryParse<DateSource>(e.GetString("DateSource"), out var dateSource) ? dateSource : null,
            SourceOrigin = Enum.TryParse<SourceOrigin>(e.GetString("SourceOrigin"), out var origin) ? origin : null,
            Timestamp = e.GetDateTimeOffset("ArticleTime") ?? default,
            ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? default,
            Language = e.GetString("Language"),
            Sentiment = sentiment,
            AnalyzerVersion = e.GetString("AnalyzerVersion"),
            DuplicateOf = e.GetString(DuplicateOf),
            EntityMentions = e.GetInt32(EntityMentions),
            EntityTone = e.GetInt64(EntityPolarityMicro) is { } p ? p / EntityContribution.Scale : null,
        };
    }

    private static string? Clip(string? s) => s is { Length: > MaxText } ? s[..MaxText] : s;
}

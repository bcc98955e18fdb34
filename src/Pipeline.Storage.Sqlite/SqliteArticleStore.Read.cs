using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Core.Aggregates;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Sqlite;

// Read path. Listings seek an index in (ts DESC, id) order: the entity's contributions when an entity is asked for,
// else the source index, else the time index; other filters are checked on the rows the seek passes.
public sealed partial class SqliteArticleStore
{
    private const string SummaryColumns =
        "a.id, a.status, a.failure_reason, a.blob_name, a.title, a.source, a.url, a.author, a.published_at, a.ts, a.processed_at, " +
        "a.language, a.sentiment, a.sentiment_positive, a.sentiment_neutral, a.sentiment_negative, a.analyzer_version, a.date_source, a.source_origin, a.duplicate_of";

    private const string TotalsColumns = "e.id, e.name, e.category, e.articles, e.mentions, e.polarity_micro, e.scored";

    public async Task<Page<ArticleSummary>> ListArticlesAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var top = Math.Clamp(query.Top, 1, ArticleQuery.MaxTop);
        var listing = query.EntityId is not null ? "entity" : query.Source is not null ? "source" : "time";
        var resume = KeysetToken.Decode(query.ContinuationToken, listing);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT ").Append(SummaryColumns).Append(query.EntityId is null ? "" : ", c.mentions, c.polarity_micro");
        // The ordered columns: the entity's contribution rows carry ts and the article id in their primary key.
        var (ts, id) = query.EntityId is null ? ("a.ts", "a.id") : ("c.ts", "c.article_id");
        if (query.EntityId is { } entity)
        {
            sql.Append(" FROM article_entities AS c JOIN articles AS a ON a.id = c.article_id WHERE c.entity_id = $entity");
            command.Parameters.AddWithValue("$entity", entity);
        }
        else
        {
            sql.Append(" FROM articles AS a WHERE 1 = 1");
        }

        Where(sql, command, query.Source is { } source ? SourceKey(source) : null, "a.source_key = $source", "$source");
        Where(sql, command, query.From is { } from ? Ticks.Of(from) : null, ts + " >= $from", "$from");
        Where(sql, command, query.To is { } to ? Ticks.Of(to) : null, ts + " < $to", "$to");
        Where(sql, command, query.Sentiment?.ToString(), "a.sentiment = $sentiment", "$sentiment");
        Where(sql, command, string.IsNullOrWhiteSpace(query.Language) ? null : query.Language.Trim().ToLowerInvariant(), "a.language_key = $language", "$language");
        Where(sql, command, query.Status?.ToString(), "a.status = $status", "$status");
        if (resume is not null)
        {
            sql.Append(" AND (").Append(ts).Append(" < $afterTs OR (").Append(ts).Append(" = $afterTs AND ").Append(id).Append(" > $afterId))");
            command.Parameters.AddWithValue("$afterTs", resume.Ticks);
            command.Parameters.AddWithValue("$afterId", resume.Id);
        }

        sql.Append(" ORDER BY ").Append(ts).Append(" DESC, ").Append(id).Append(" LIMIT $limit");
        command.Parameters.AddWithValue("$limit", top + 1);
        command.CommandText = sql.ToString();

        var items = new List<ArticleSummary>(top + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadSummary(reader));
            }
        }

        if (items.Count <= top)
        {
            return new Page<ArticleSummary>(items, null);
        }

        items.RemoveAt(top);
        var last = items[^1];
        return new Page<ArticleSummary>(items, new KeysetToken(listing, Ticks.Of(last.Timestamp), last.Id).Encode());
    }

    public async Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var top = Math.Clamp(query.Top, 1, EntityQuery.MaxTop);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder();
        var windowed = query.From is not null || query.To is not null;
        if (!windowed && query.Source is null)
        {
            // All time: the running totals, read in rank order.
            sql.Append("SELECT ").Append(TotalsColumns).Append(" FROM entities AS e WHERE e.articles > 0");
        }
        else
        {
            // A window or an outlet: its whole months and days from the rollups, its partial days from the contributions
            // (cost follows the window's length, not the articles in it). The name shown is the preferred spelling among
            // the window's own mentions, as in the Table store's periods. A window counts dated articles only: an
            // undated one is never placed on its upload day.
            // Per outlet only all-time sums are kept: an outlet's window is read from the contributions.
            var window = query.Source is not null && windowed ? RollupWindow.RowsOnly(query.From, query.To) : RollupWindow.Plan(query.From, query.To, months: true);
            if (window.IsEmpty)
            {
                return []; // an empty window
            }

            sql.Append("SELECT e.id, preferred_name(p.name), e.category, sum(p.articles) AS articles, sum(p.mentions) AS mentions, sum(p.polarity), sum(p.scored) FROM (");
            if (window.HasPeriods)
            {
                sql.Append("SELECT subject, name, articles, mentions, scored, polarity, polarity_sq FROM coverage_periods WHERE outlet = $outlet AND subject <> ''")
                    .Append(windowed ? " AND dated = 1" : "");
                RollupRanges(sql, command, window, perOutlet: query.Source is not null);
                command.Parameters.AddWithValue("$outlet", query.Source is { } outlet ? "=" + SourceKey(outlet) : "*");
            }

            if (window.Raw.Count > 0)
            {
                sql.Append(window.HasPeriods ? " UNION ALL " : "").Append("SELECT c.entity_id AS subject, c.name AS name, ").Append(RowSums("c.mentions", "c.polarity_micro"))
                    .Append(" FROM article_entities AS c JOIN articles AS a ON a.id = c.article_id WHERE 1 = 1")
                    .Append(windowed ? " AND a.published_at IS NOT NULL" : "");
                Ranges(sql, command, "c.ts", window.Raw);
                Where(sql, command, query.Source is { } source ? SourceKey(source) : null, "a.source_key = $source", "$source");
            }

            sql.Append(") AS p JOIN entities AS e ON e.id = p.subject WHERE 1 = 1");
        }

        Where(sql, command, string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim().ToLowerInvariant(), "e.category_key = $category", "$category");
        var excluded = query.ExcludedCategories.Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < excluded.Count; i++)
        {
            sql.Append(" AND e.category_key <> $excluded").Append(i);
            command.Parameters.AddWithValue("$excluded" + i, excluded[i]);
        }

        if (windowed || query.Source is not null)
        {
            sql.Append(" GROUP BY e.id");
        }

        sql.Append(" ORDER BY articles DESC, mentions DESC, e.id LIMIT $top");
        command.Parameters.AddWithValue("$top", top);
        command.CommandText = sql.ToString();
        return await ReadTotalsAsync(command, cancellationToken);
    }

    public async Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TotalsColumns} FROM entities AS e WHERE e.id = $id AND e.articles > 0";
        command.Parameters.AddWithValue("$id", entityId);
        return (await ReadTotalsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<EntitySummary>> FindEntitiesByNameAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TotalsColumns} FROM entities AS e WHERE e.name_key = $key AND e.articles > 0 ORDER BY e.articles DESC, e.mentions DESC, e.id";
        command.Parameters.AddWithValue("$key", EntityContribution.NameKey(name));
        return await ReadTotalsAsync(command, cancellationToken);
    }

    /// <summary>Appends "AND condition" with its parameter when the filter has a value.</summary>
    private static void Where(StringBuilder sql, SqliteCommand command, object? value, string condition, string parameter)
    {
        if (value is null)
        {
            return;
        }

        sql.Append(" AND ").Append(condition);
        command.Parameters.AddWithValue(parameter, value);
    }

    private static async Task<IReadOnlyList<EntitySummary>> ReadTotalsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<EntitySummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var totals = new EntityTotals(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            totals.Add(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            result.Add(totals.ToSummary());
        }

        return result;
    }

    private static ArticleSummary ReadSummary(SqliteDataReader r)
    {
        SentimentResult? sentiment = null;
        if (!r.IsDBNull(12) && Enum.TryParse<Sentiment>(r.GetString(12), out var label))
        {
            sentiment = new SentimentResult(label, new SentimentScores(r.GetDouble(13), r.GetDouble(14), r.GetDouble(15)));
        }

        return new ArticleSummary
        {
            Id = r.GetString(0),
            Status = Enum.Parse<ArticleStatus>(r.GetString(1)),
            FailureReason = NullableString(r, 2),
            BlobName = r.GetString(3),
            Title = NullableString(r, 4),
            Source = NullableString(r, 5),
            Url = NullableString(r, 6),
            Author = NullableString(r, 7),
            PublishedAt = r.IsDBNull(8) ? null : Ticks.ToTime(r.GetInt64(8)),
            Timestamp = Ticks.ToTime(r.GetInt64(9)),
            ProcessedAt = Ticks.ToTime(r.GetInt64(10)),
            Language = NullableString(r, 11),
            Sentiment = sentiment,
            AnalyzerVersion = NullableString(r, 16),
            DateSource = Enum.TryParse<DateSource>(NullableString(r, 17), out var dateSource) ? dateSource : null,
            SourceOrigin = Enum.TryParse<SourceOrigin>(NullableString(r, 18), out var origin) ? origin : null,
            DuplicateOf = NullableString(r, 19),
            EntityMentions = r.FieldCount > 20 ? r.GetInt32(20) : null,
            EntityTone = r.FieldCount > 21 && !r.IsDBNull(21) ? r.GetInt64(21) / EntityContribution.Scale : null,
        };
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}

using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Core.Coverage;

namespace Pipeline.Storage.Sqlite;

// Coverage aggregates, summed by SQLite over index ranges: an entity's contributions (its primary key is
// entity, time), else articles by time or by source. Exact and current: the rows are the ones every save replaces.
public sealed partial class SqliteArticleStore : ICoverageStore
{
    // Days since 0001-01-01 UTC (DailyCoverage.DayNumber): ticks per day is 864,000,000,000.
    private static string DayOf(string ts) => "(" + ts + " / 864000000000)";

    // Document polarity in millionths, rounded like EntityContribution (SQLite rounds half away from zero).
    private const string DocumentPolarity = "CAST(round((a.sentiment_positive - a.sentiment_negative) * 1000000) AS INTEGER)";

    public async Task<DailyCoverage> ReadDailyAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (from, ts, mentions, polarity) = Subject(scope);
        var sql = new StringBuilder("SELECT ").Append(DayOf(ts))
            .Append(" AS day, ").Append(Sums(mentions, polarity)).Append(from);
        Filter(sql, command, scope, ts, dated: !scope.IncludeUndated);
        sql.Append(" GROUP BY day");
        command.CommandText = sql.ToString();

        var days = new Dictionary<int, CoverageTotals>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                days[checked((int)reader.GetInt64(0))] = ReadTotals(reader, 1);
            }
        }

        return new DailyCoverage(days, scope.IncludeUndated ? 0 : await CountUndatedAsync(connection, scope, cancellationToken));
    }

    public async Task<IReadOnlyList<SourceCoverage>> ReadSourcesAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var (from, ts, mentions, polarity) = Subject(scope);
        var sql = new StringBuilder("SELECT max(a.source), ").Append(Sums(mentions, polarity)).Append(from);
        Filter(sql, command, scope with { Source = null }, ts, dated: !scope.IncludeUndated && (scope.From is not null || scope.To is not null));
        sql.Append(" GROUP BY a.source_key");
        command.CommandText = sql.ToString();

        var result = new List<SourceCoverage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SourceCoverage(reader.IsDBNull(0) ? null : reader.GetString(0), ReadTotals(reader, 1)));
        }

        return result;
    }

    public async Task<IReadOnlyList<CoMentionCoverage>> ReadCoMentionsAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(scope.EntityId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT o.entity_id, preferred_name(o.name), e.category, ").Append(Sums("o.mentions", "o.polarity_micro"))
            .Append(" FROM article_entities AS c JOIN articles AS a ON a.id = c.article_id")
            .Append(" JOIN article_entities AS o ON o.article_id = c.article_id AND o.entity_id <> c.entity_id")
            .Append(" JOIN entities AS e ON e.id = o.entity_id WHERE c.entity_id = $entity");
        command.Parameters.AddWithValue("$entity", scope.EntityId);
        Filter(sql, command, scope with { EntityId = null }, "c.ts", dated: !scope.IncludeUndated && (scope.From is not null || scope.To is not null));
        sql.Append(" GROUP BY o.entity_id");
        command.CommandText = sql.ToString();

        var result = new List<CoMentionCoverage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new CoMentionCoverage(reader.GetString(0), reader.GetString(1), reader.GetString(2), ReadTotals(reader, 3)));
        }

        return result;
    }

    public async Task<CorpusCounts> ReadCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, count(*) FROM articles GROUP BY status";
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byStatus[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        command.CommandText = "SELECT (SELECT count(*) FROM articles WHERE published_at IS NULL), (SELECT max(processed_at) FROM articles)";
        await using var totals = await command.ExecuteReaderAsync(cancellationToken);
        await totals.ReadAsync(cancellationToken);
        return new CorpusCounts(
            byStatus.GetValueOrDefault(nameof(Core.Articles.ArticleStatus.Processed)),
            byStatus.GetValueOrDefault(nameof(Core.Articles.ArticleStatus.Unscored)),
            byStatus.GetValueOrDefault(nameof(Core.Articles.ArticleStatus.Failed)),
            totals.GetInt64(0),
            totals.IsDBNull(1) ? null : Ticks.ToTime(totals.GetInt64(1)));
    }

    // What is counted: an entity's contributions (mentions of it, tone toward it), else whole articles (document tone).
    private static (string From, string Ts, string Mentions, string Polarity) Subject(CoverageScope scope) => scope.EntityId is null
        ? (" FROM articles AS a WHERE a.status <> 'Failed'", "a.ts", "0", DocumentPolarity)
        : (" FROM article_entities AS c JOIN articles AS a ON a.id = c.article_id WHERE 1 = 1", "c.ts", "c.mentions", "c.polarity_micro");

    private static string Sums(string mentions, string polarity) =>
        $"count(*), sum({mentions}), count({polarity}), coalesce(sum({polarity}), 0), coalesce(sum({polarity} * {polarity}), 0)";

    private static CoverageTotals ReadTotals(SqliteDataReader r, int first)
    {
        var totals = new CoverageTotals();
        totals.Add(r.GetInt64(first), r.GetInt64(first + 1), r.GetInt64(first + 2), r.GetInt64(first + 3), r.GetInt64(first + 4));
        return totals;
    }

    private static void Filter(StringBuilder sql, SqliteCommand command, CoverageScope scope, string ts, bool dated)
    {
        if (scope.EntityId is { } entity)
        {
            sql.Append(" AND c.entity_id = $entity");
            command.Parameters.AddWithValue("$entity", entity);
        }

        if (dated)
        {
            sql.Append(" AND a.published_at IS NOT NULL");
        }

        Where(sql, command, scope.From is { } f ? Ticks.Of(f) : null, ts + " >= $from", "$from");
        Where(sql, command, scope.To is { } t ? Ticks.Of(t) : null, ts + " < $to", "$to");
        Where(sql, command, scope.Source is { } source ? SourceKey(source) : null, "a.source_key = $source", "$source");
    }

    // The undated articles a time series leaves out: those uploaded inside the window.
    private static async Task<long> CountUndatedAsync(SqliteConnection connection, CoverageScope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var (from, ts, _, _) = Subject(scope);
        var sql = new StringBuilder("SELECT count(*)").Append(from).Append(" AND a.published_at IS NULL");
        Filter(sql, command, scope, ts, dated: false);
        command.CommandText = sql.ToString();
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

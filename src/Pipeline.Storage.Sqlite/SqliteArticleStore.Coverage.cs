using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Core.Coverage;

namespace Pipeline.Storage.Sqlite;

// Coverage aggregates: whole months and days of a window from the rollups (SqliteRollups), only its partial days at
// the edges from the per-article rows, so the rows read follow the window's length rather than the articles in it.
// Exact and current: the rollups change in the same transaction as the rows every save replaces.
public sealed partial class SqliteArticleStore : ICoverageStore
{
    // The five sums CoverageTotals holds, over rows shaped (articles, mentions, scored, polarity, polarity_sq).
    private const string RollupSums = "sum(p.articles), sum(p.mentions), sum(p.scored), sum(p.polarity), sum(p.polarity_sq)";

    // An entity's days are read through coverage_days_by_subject, named: without statistics SQLite would otherwise
    // seek the primary key on (level, outlet, dated) and pass every entity's days (measured: 0.9-1.9 s at 100,000).
    public async Task<DailyCoverage> ReadDailyAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var window = DailyWindow(scope);
        if (window.IsEmpty)
        {
            return new DailyCoverage(new Dictionary<int, CoverageTotals>(), 0); // an empty window
        }

        var (from, ts, mentions, polarity) = Subject(scope);
        var sql = new StringBuilder("SELECT p.day, ").Append(RollupSums).Append(" FROM (");
        if (window.HasPeriods)
        {
            sql.Append("SELECT period AS day, articles, mentions, scored, polarity, polarity_sq FROM coverage_periods INDEXED BY coverage_days_by_subject WHERE subject = $subject AND level = 'd' AND outlet = '*'")
                .Append(scope.IncludeUndated ? "" : " AND dated = 1");
            RollupRanges(sql, command, window, perOutlet: false);
        }

        if (window.Raw.Count > 0)
        {
            sql.Append(window.HasPeriods ? " UNION ALL " : "").Append("SELECT ").Append(SqliteRollups.DayOf(ts)).Append(" AS day, ").Append(RowSums(mentions, polarity)).Append(from);
            Filter(sql, command, scope, ts, dated: !scope.IncludeUndated, window);
        }

        sql.Append(") AS p GROUP BY p.day");
        command.Parameters.AddWithValue("$subject", scope.EntityId ?? "");
        command.CommandText = sql.ToString();

        var days = new Dictionary<int, CoverageTotals>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                days[checked((int)reader.GetInt64(0))] = ReadTotals(reader, 1);
            }
        }

        return new DailyCoverage(days, scope.IncludeUndated ? 0 : await CountUndatedAsync(connection, scope, window, cancellationToken));
    }

    public async Task<IReadOnlyList<SourceCoverage>> ReadSourcesAsync(CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var windowed = scope.From is not null || scope.To is not null;
        var datedOnly = !scope.IncludeUndated && windowed;
        // Per outlet only all-time sums are kept: a window is read from its articles' rows.
        var window = windowed ? RollupWindow.RowsOnly(scope.From, scope.To) : RollupWindow.Plan(null, null, months: true);
        if (window.IsEmpty)
        {
            return []; // an empty window
        }

        var (from, ts, mentions, polarity) = Subject(scope);
        // The unknown outlet is '-' with no name; max() of the names keeps the current grouping by source key.
        var sql = new StringBuilder("SELECT max(p.name), ").Append(RollupSums).Append(" FROM (");
        if (window.HasPeriods)
        {
            sql.Append("SELECT outlet AS outlet, nullif(outlet_name, '') AS name, articles, mentions, scored, polarity, polarity_sq FROM coverage_periods")
                .Append(" WHERE subject = $subject AND outlet <> '*'").Append(datedOnly ? " AND dated = 1" : "");
            RollupRanges(sql, command, window, perOutlet: true);
        }

        if (window.Raw.Count > 0)
        {
            sql.Append(window.HasPeriods ? " UNION ALL " : "").Append("SELECT CASE WHEN a.source_key IS NULL THEN '-' ELSE '=' || a.source_key END AS outlet, a.source AS name, ")
                .Append(RowSums(mentions, polarity)).Append(from);
            Filter(sql, command, scope with { Source = null }, ts, datedOnly, window);
        }

        sql.Append(") AS p GROUP BY p.outlet");
        command.Parameters.AddWithValue("$subject", scope.EntityId ?? "");
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
        var datedOnly = !scope.IncludeUndated && (scope.From is not null || scope.To is not null);
        // Not rolled up: an article with n entities gives n(n-1) pairs, too many to write per save; the cost
        // follows the articles that mention the entity inside the window.
        var window = RollupWindow.RowsOnly(scope.From, scope.To);
        if (window.IsEmpty)
        {
            return []; // an empty window
        }

        var sql = new StringBuilder("SELECT p.other, preferred_name(p.name), e.category, ").Append(RollupSums).Append(" FROM (")
            .Append("SELECT o.entity_id AS other, o.name AS name, ").Append(RowSums("o.mentions", "o.polarity_micro"))
            .Append(" FROM article_entities AS c JOIN articles AS a ON a.id = c.article_id")
            .Append(" JOIN article_entities AS o ON o.article_id = c.article_id AND o.entity_id <> c.entity_id WHERE c.entity_id = $entity");
        Filter(sql, command, scope with { EntityId = null }, "c.ts", datedOnly, window);
        sql.Append(") AS p JOIN entities AS e ON e.id = p.other GROUP BY p.other");
        command.Parameters.AddWithValue("$entity", scope.EntityId);
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

        command.CommandText = "SELECT (SELECT count(*) FROM articles WHERE published_at IS NULL), (SELECT max(processed_at) FROM articles), " +
            "(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL)";
        await using var totals = await command.ExecuteReaderAsync(cancellationToken);
        await totals.ReadAsync(cancellationToken);
        return new CorpusCounts(
            byStatus.GetValueOrDefault(nameof(Core.Articles.ArticleStatus.Processed)),
            byStatus.GetValueOrDefault(nameof(Core.Articles.ArticleStatus.Unscored)),
            byStatus.GetValueOrDefault(nameof(Core.Articles.ArticleStatus.Failed)),
            totals.GetInt64(0),
            totals.GetInt64(2),
            totals.IsDBNull(1) ? null : Ticks.ToTime(totals.GetInt64(1)));
    }

    // What is counted per article row: an entity's contributions (mentions of it, tone toward it), else whole articles (document tone).
    private static (string From, string Ts, string Mentions, string Polarity) Subject(CoverageScope scope) => scope.EntityId is null
        ? (" FROM articles AS a WHERE " + SqliteRollups.Counted, "a.ts", "0", SqliteRollups.DocumentPolarity)
        : (" FROM article_entities AS c JOIN articles AS a ON a.id = c.article_id WHERE 1 = 1", "c.ts", "c.mentions", "c.polarity_micro");

    // One article row shaped like a rollup row.
    private static string RowSums(string mentions, string polarity) =>
        $"1 AS articles, {mentions} AS mentions, {polarity} IS NOT NULL AS scored, coalesce({polarity}, 0) AS polarity, coalesce({polarity} * {polarity}, 0) AS polarity_sq";

    private static CoverageTotals ReadTotals(SqliteDataReader r, int first)
    {
        var totals = new CoverageTotals();
        totals.Add(r.GetInt64(first), r.GetInt64(first + 1), r.GetInt64(first + 2), r.GetInt64(first + 3), r.GetInt64(first + 4));
        return totals;
    }

    // Day sums are kept over all outlets: one outlet's series is read from its articles' rows.
    private static RollupWindow DailyWindow(CoverageScope scope) =>
        scope.Source is null ? RollupWindow.Plan(scope.From, scope.To, months: false) : RollupWindow.RowsOnly(scope.From, scope.To);

    /// <summary>
    /// Appends the window's whole days and months (it has some: <see cref="RollupWindow.HasPeriods"/>) as conditions on
    /// the rollup rows' level and period; per outlet, all time is the one all-time row.
    /// </summary>
    private static void RollupRanges(StringBuilder sql, SqliteCommand command, RollupWindow window, bool perOutlet)
    {
        if (perOutlet && window.IsAllTime)
        {
            sql.Append(" AND level = 'a'");
            return;
        }

        sql.Append(" AND (");
        var any = false;
        foreach (var (level, ranges) in new[] { ("d", window.Days), ("m", window.Months) })
        {
            if (ranges.Count == 0)
            {
                continue;
            }

            sql.Append(any ? " OR " : "").Append("(level = '").Append(level).Append('\'');
            Ranges(sql, command, "period", ranges);
            sql.Append(')');
            any = true;
        }

        sql.Append(')');
    }

    /// <summary>Appends "AND (column in any of the half-open ranges)" for one or more ranges; open ends are left unbounded.</summary>
    private static void Ranges(StringBuilder sql, SqliteCommand command, string column, IReadOnlyList<(long From, long To)> ranges)
    {
        sql.Append(" AND (");
        for (var i = 0; i < ranges.Count; i++)
        {
            var (from, to) = ranges[i];
            sql.Append(i > 0 ? " OR (" : "(").Append("1 = 1");
            Where(sql, command, from == long.MinValue ? null : from, column + " >= $r" + command.Parameters.Count, "$r" + command.Parameters.Count);
            Where(sql, command, to == long.MaxValue ? null : to, column + " < $r" + command.Parameters.Count, "$r" + command.Parameters.Count);
            sql.Append(')');
        }

        sql.Append(')');
    }

    private static void Filter(StringBuilder sql, SqliteCommand command, CoverageScope scope, string ts, bool dated, RollupWindow window)
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

        Ranges(sql, command, ts, window.Raw);
        Where(sql, command, scope.Source is { } source ? SourceKey(source) : null, "a.source_key = $source", "$source");
    }

    // The undated articles a time series leaves out: those uploaded inside the window.
    private static async Task<long> CountUndatedAsync(SqliteConnection connection, CoverageScope scope, RollupWindow window, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var (from, ts, _, _) = Subject(scope);
        var sql = new StringBuilder("SELECT coalesce(sum(p.articles), 0) FROM (");
        if (window.HasPeriods)
        {
            sql.Append("SELECT articles FROM coverage_periods INDEXED BY coverage_days_by_subject WHERE subject = $subject AND level = 'd' AND outlet = '*' AND dated = 0");
            RollupRanges(sql, command, window, perOutlet: false);
        }

        if (window.Raw.Count > 0)
        {
            sql.Append(window.HasPeriods ? " UNION ALL " : "").Append("SELECT 1 AS articles").Append(from).Append(" AND a.published_at IS NULL");
            Filter(sql, command, scope, ts, dated: false, window);
        }

        sql.Append(") AS p");
        command.Parameters.AddWithValue("$subject", scope.EntityId ?? "");
        command.CommandText = sql.ToString();
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

using Microsoft.Data.Sqlite;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Keeps the coverage rollups (<c>coverage_periods</c>, <c>co_mentions</c>) equal to sums of the article rows.
/// A save takes the article's old rows out (sign −1) and puts its new rows in (+1) inside the same transaction as
/// the rows themselves, so the rollups are exact under any interleaving, updates and deletes included. The same SQL
/// over every article rebuilds them for a file written before they existed.
/// </summary>
internal static class SqliteRollups
{
    /// <summary>The day number (days since 0001-01-01) of a ticks column, and of the first day of its month.</summary>
    internal static string DayOf(string ticks) => $"({ticks} / 864000000000)";

    private static string MonthOf(string ticks) => $"CAST(julianday({DayOf(ticks)} + 1721425.5, 'start of month') - 1721425.5 AS INTEGER)";

    /// <summary>Document polarity in millionths, rounded like EntityContribution (SQLite rounds half away from zero).</summary>
    internal const string DocumentPolarity = "CAST(round((a.sentiment_positive - a.sentiment_negative) * 1000000) AS INTEGER)";

    /// <summary>The whole-article rows that count: not failed, not a duplicate of a story already counted.</summary>
    internal const string Counted = "a.status <> 'Failed' AND a.duplicate_of IS NULL";

    private const string Sums = "$sign * count(*), $sign * sum(mentions), $sign * count(polarity), $sign * coalesce(sum(polarity), 0), $sign * coalesce(sum(polarity * polarity), 0)";

    private const string AddSums = """
        articles = articles + excluded.articles, mentions = mentions + excluded.mentions, scored = scored + excluded.scored,
        polarity = polarity + excluded.polarity, polarity_sq = polarity_sq + excluded.polarity_sq
        """;

    /// <param name="articles">A condition on <c>a</c> (the articles table) choosing whose rows are added or taken out.</param>
    private static string Apply(string articles) => $"""
        WITH levels (level, per_outlet) AS (VALUES ('d', 0), ('m', 0), ('a', 1)),
        facts (dated, ts, source_key, source, subject, name, mentions, polarity) AS (
            SELECT a.published_at IS NOT NULL, a.ts, a.source_key, a.source, '', '', 0, {DocumentPolarity}
            FROM articles AS a WHERE {Counted} AND {articles}
            UNION ALL
            SELECT a.published_at IS NOT NULL, c.ts, a.source_key, a.source, c.entity_id, c.name, c.mentions, c.polarity_micro
            FROM articles AS a JOIN article_entities AS c ON c.article_id = a.id WHERE {articles}
        ),
        expanded AS (
            SELECT l.level, CASE l.level WHEN 'd' THEN {DayOf("f.ts")} WHEN 'm' THEN {MonthOf("f.ts")} ELSE 0 END AS period, f.dated,
                CASE WHEN l.per_outlet = 0 THEN '*' WHEN f.source_key IS NULL THEN '-' ELSE '=' || f.source_key END AS outlet,
                CASE WHEN l.per_outlet = 0 OR f.source IS NULL THEN '' ELSE f.source END AS outlet_name,
                f.subject, f.name, f.mentions, f.polarity
            FROM facts AS f CROSS JOIN levels AS l
        )
        INSERT INTO coverage_periods (level, outlet, dated, period, subject, name, outlet_name, articles, mentions, scored, polarity, polarity_sq)
        SELECT level, outlet, dated, period, subject, name, outlet_name, {Sums}
        FROM expanded WHERE true GROUP BY level, outlet, dated, period, subject, name, outlet_name
        ON CONFLICT (level, outlet, dated, period, subject, name, outlet_name) DO UPDATE SET {AddSums};
        """;

    private static readonly string ApplyToArticle = Apply("a.id = $id");

    /// <summary>Removes the rows an update or delete emptied; the partial index finds them without a scan.</summary>
    public const string DeleteEmpty = "DELETE FROM coverage_periods WHERE articles = 0;";

    /// <summary>Adds (+1) or takes out (−1) the stored rows of one article. Run inside the save's transaction, then <see cref="DeleteEmpty"/>.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, string articleId, int sign, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ApplyToArticle;
        command.Parameters.AddWithValue("$id", articleId);
        command.Parameters.AddWithValue("$sign", Math.Sign(sign));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Builds the rollups from every stored article (a file from before they existed). Idempotent.</summary>
    public static async Task RebuildAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM coverage_periods;" + Apply("1 = 1");
        command.Parameters.AddWithValue("$sign", 1);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

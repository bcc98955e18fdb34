using Microsoft.Data.Sqlite;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Keeps the coverage rollups (<c>coverage_periods</c>, <c>co_mention_months</c>) equal to sums of the article rows.
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

    private const string Sums = "$sign * count(*), $sign * sum(mentions), $sign * count(polarity), $sign * coalesce(sum(polarity), 0), $sign * coalesce(sum(polarity * polarity), 0)";

    private const string AddSums = """
        articles = articles + excluded.articles, mentions = mentions + excluded.mentions, scored = scored + excluded.scored,
        polarity = polarity + excluded.polarity, polarity_sq = polarity_sq + excluded.polarity_sq
        """;

    /// <param name="articles">A condition on <c>a</c> (the articles table) choosing whose rows are added or taken out.</param>
    private static string Apply(string articles) => $"""
        WITH facts (dated, ts, source_key, source, subject, name, mentions, polarity) AS (
            SELECT a.published_at IS NOT NULL, a.ts, a.source_key, a.source, '', '', 0, {DocumentPolarity}
            FROM articles AS a WHERE a.status <> 'Failed' AND {articles}
            UNION ALL
            SELECT a.published_at IS NOT NULL, c.ts, a.source_key, a.source, c.entity_id, c.name, c.mentions, c.polarity_micro
            FROM articles AS a JOIN article_entities AS c ON c.article_id = a.id WHERE {articles}
        ),
        expanded AS (
            SELECT l.level, CASE l.level WHEN 'd' THEN {DayOf("f.ts")} ELSE {MonthOf("f.ts")} END AS period, f.dated,
                CASE WHEN o.k = 0 THEN '*' WHEN f.source_key IS NULL THEN '-' ELSE '=' || f.source_key END AS outlet,
                CASE WHEN o.k = 0 OR f.source IS NULL THEN '' ELSE f.source END AS outlet_name,
                f.subject, f.name, f.mentions, f.polarity
            FROM facts AS f CROSS JOIN (SELECT 'd' AS level UNION ALL SELECT 'm') AS l CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) AS o
        )
        INSERT INTO coverage_periods (outlet, level, dated, period, subject, name, outlet_name, articles, mentions, scored, polarity, polarity_sq)
        SELECT outlet, level, dated, period, subject, name, outlet_name, {Sums}
        FROM expanded WHERE true GROUP BY outlet, level, dated, period, subject, name, outlet_name
        ON CONFLICT (outlet, level, dated, period, subject, name, outlet_name) DO UPDATE SET {AddSums};

        WITH pairs (subject, dated, period, other, name, mentions, polarity) AS (
            SELECT c.entity_id, a.published_at IS NOT NULL, {MonthOf("c.ts")}, o.entity_id, o.name, o.mentions, o.polarity_micro
            FROM articles AS a JOIN article_entities AS c ON c.article_id = a.id
            JOIN article_entities AS o ON o.article_id = c.article_id AND o.entity_id <> c.entity_id
            WHERE {articles}
        )
        INSERT INTO co_mention_months (subject, dated, period, other, name, articles, mentions, scored, polarity, polarity_sq)
        SELECT subject, dated, period, other, name, {Sums}
        FROM pairs WHERE true GROUP BY subject, dated, period, other, name
        ON CONFLICT (subject, dated, period, other, name) DO UPDATE SET {AddSums};
        """;

    private static readonly string ApplyToArticle = Apply("a.id = $id");

    /// <summary>Removes the rows an update or delete emptied; the partial indexes find them without a scan.</summary>
    public const string DeleteEmpty = """
        DELETE FROM coverage_periods WHERE articles = 0;
        DELETE FROM co_mention_months WHERE articles = 0;
        """;

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
        command.CommandText = "DELETE FROM coverage_periods; DELETE FROM co_mention_months;" + Apply("1 = 1");
        command.Parameters.AddWithValue("$sign", 1);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

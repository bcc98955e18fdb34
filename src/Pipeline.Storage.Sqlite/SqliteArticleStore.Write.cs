using Microsoft.Data.Sqlite;
using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;

namespace Pipeline.Storage.Sqlite;

// Write path: take the write lock (BEGIN IMMEDIATE), take the article's old contributions out of the totals and
// the rollups, write the new row and contributions, add them to the totals and the rollups, commit.
public sealed partial class SqliteArticleStore
{
    private const string SubtractContributions = """
        UPDATE entities SET
            articles = entities.articles - 1,
            mentions = entities.mentions - c.mentions,
            polarity_micro = entities.polarity_micro - coalesce(c.polarity_micro, 0),
            scored = entities.scored - (c.polarity_micro IS NOT NULL)
        FROM article_entities AS c
        WHERE c.article_id = $id AND entities.id = c.entity_id;
        DELETE FROM article_entities WHERE article_id = $id;
        """;

    private static readonly string[] ContributionParameters =
        ["$entity", "$ts", "$id", "$name", "$nameKey", "$category", "$categoryKey", "$mentions", "$polarity"];

    // Entities no article mentions any more; found through the rank index, which starts with the article count.
    private const string DeleteUnmentioned = "DELETE FROM entities WHERE articles <= 0;";

    private const string UpsertArticle = """
        INSERT OR REPLACE INTO articles (
            id, blob_container, blob_name, blob_etag, blob_modified, status, failure_reason, title, source, source_key,
            url, author, published_at, ts, processed_at, language, language_key, sentiment,
            sentiment_positive, sentiment_neutral, sentiment_negative, analyzer_version, record, date_source, source_origin,
            content_hash, duplicate_of)
        VALUES (
            $id, $container, $name, $etag, $modified, $status, $failure, $title, $source, $sourceKey,
            $url, $author, $published, $ts, $processed, $language, $languageKey, $sentiment,
            $positive, $neutral, $negative, $analyzerVersion, $record, $dateSource, $sourceOrigin,
            $contentHash, $duplicateOf);
        """;

    private const string AddContribution = """
        INSERT INTO article_entities (entity_id, ts, article_id, name, category_key, mentions, polarity_micro)
        VALUES ($entity, $ts, $id, $name, $categoryKey, $mentions, $polarity);
        INSERT INTO entities (id, name, name_key, category, category_key, articles, mentions, polarity_micro, scored)
        VALUES ($entity, $name, $nameKey, $category, $categoryKey, 1, $mentions, coalesce($polarity, 0), $polarity IS NOT NULL)
        ON CONFLICT (id) DO UPDATE SET
            name = prefer_name(entities.name, excluded.name),
            name_key = CASE WHEN prefer_name(entities.name, excluded.name) = entities.name THEN entities.name_key ELSE excluded.name_key END,
            articles = entities.articles + 1,
            mentions = entities.mentions + excluded.mentions,
            polarity_micro = entities.polarity_micro + excluded.polarity_micro,
            scored = entities.scored + excluded.scored;
        """;

    public async Task SaveAsync(ArticleRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ArticleId.IsValid(record.Id) || !string.Equals(record.Id, record.Blob.ArticleId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Article id '{record.Id}' does not match its blob '{record.Blob.Container}/{record.Blob.Name}'.", nameof(record));
        }

        // Encoded before the write lock is taken: the lock is held only for the writes themselves.
        var stored = RecordCodec.Encode(record);
        var contributions = EntityContribution.From(record);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var storedTicks = await StoredVersionTicksAsync(connection, record.Id, cancellationToken);
        if (storedTicks > Ticks.Of(record.Blob.LastModified))
        {
            // An out-of-order retry of an older blob version must not overwrite newer results.
            return;
        }

        if (storedTicks is not null)
        {
            await SqliteRollups.ApplyAsync(connection, record.Id, -1, cancellationToken); // a new article has nothing to take out
        }

        await ExecuteAsync(connection, SubtractContributions, cancellationToken, ("$id", record.Id));
        await ExecuteAsync(connection, UpsertArticle, cancellationToken, ArticleParameters(record, stored));
        await using (var add = connection.CreateCommand())
        {
            add.CommandText = AddContribution;
            var parameters = ContributionParameters.ToDictionary(n => n, n => add.Parameters.Add(new SqliteParameter { ParameterName = n }), StringComparer.Ordinal);
            foreach (var c in contributions.Values)
            {
                parameters["$entity"].Value = c.EntityId;
                parameters["$ts"].Value = c.Ticks;
                parameters["$id"].Value = record.Id;
                parameters["$name"].Value = c.Name;
                parameters["$nameKey"].Value = EntityContribution.NameKey(c.Name);
                parameters["$category"].Value = c.Category;
                parameters["$categoryKey"].Value = c.Category.ToLowerInvariant();
                parameters["$mentions"].Value = c.Mentions;
                parameters["$polarity"].Value = c.PolarityMicro is { } p ? p : DBNull.Value;
                await add.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await SqliteRollups.ApplyAsync(connection, record.Id, +1, cancellationToken);
        await ExecuteAsync(connection, DeleteUnmentioned + SqliteRollups.DeleteEmpty, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(articleId))
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await SqliteRollups.ApplyAsync(connection, articleId, -1, cancellationToken);
        await ExecuteAsync(connection, SubtractContributions, cancellationToken, ("$id", articleId));
        await ExecuteAsync(connection, "DELETE FROM articles WHERE id = $id;", cancellationToken, ("$id", articleId));
        await ExecuteAsync(connection, DeleteUnmentioned + SqliteRollups.DeleteEmpty, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<long?> StoredVersionTicksAsync(SqliteConnection connection, string articleId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob_modified FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        return await command.ExecuteScalarAsync(cancellationToken) is long ticks ? ticks : null;
    }

    private static (string, object?)[] ArticleParameters(ArticleRecord r, byte[] stored)
    {
        var language = r.Analysis?.Language.Iso6391Name;
        var sentiment = r.Analysis?.Sentiment;
        return
        [
            ("$id", r.Id), ("$container", r.Blob.Container), ("$name", r.Blob.Name), ("$etag", r.Blob.ETag),
            ("$modified", Ticks.Of(r.Blob.LastModified)), ("$status", r.Status.ToString()), ("$failure", r.FailureReason),
            ("$title", r.Title), ("$source", r.Source), ("$sourceKey", SourceKey(r.Source)), ("$url", r.Url), ("$author", r.Author),
            ("$published", r.PublishedAt is { } p ? Ticks.Of(p) : null), ("$ts", Ticks.Of(r.Timestamp)), ("$processed", Ticks.Of(r.ProcessedAt)),
            ("$language", language), ("$languageKey", language?.ToLowerInvariant()), ("$sentiment", sentiment?.Label.ToString()),
            ("$positive", sentiment?.Scores.Positive), ("$neutral", sentiment?.Scores.Neutral), ("$negative", sentiment?.Scores.Negative),
            ("$analyzerVersion", r.AnalyzerVersion), ("$record", stored),
            ("$dateSource", r.DateSource?.ToString()), ("$sourceOrigin", r.SourceOrigin?.ToString()),
            ("$contentHash", r.ContentHash), ("$duplicateOf", r.DuplicateOf),
        ];
    }

    /// <summary>Sources match case-insensitively and ignore surrounding blanks (as in the Table store).</summary>
    internal static string? SourceKey(string? source) => source?.Trim().ToLowerInvariant();

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

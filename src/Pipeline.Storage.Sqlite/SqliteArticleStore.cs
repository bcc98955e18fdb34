using Microsoft.Data.Sqlite;
using Pipeline.Core.Articles;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Articles, their entity contributions and the entity totals in one SQLite file: the local default results store.
/// </summary>
/// <remarks>
/// Invariants, kept by doing each save or delete in ONE immediate transaction (SQLite has one writer at a time):
/// an entity's totals are exactly the sum of its rows in <c>article_entities</c> under any interleaving of workers;
/// saving the same record twice leaves one set of rows; an older blob version never replaces a newer one; a crash
/// leaves the article as it was before or after, never half written. Every query is an index range read.
/// </remarks>
public sealed partial class SqliteArticleStore(SqliteDatabase database) : IArticleRepository, IArticleQueries, IStoryIndex
{
    public async Task<IReadOnlyList<StoryMember>> FindStoryAsync(string contentHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, blob_modified, processed_at, duplicate_of FROM articles WHERE content_hash = $hash";
        command.Parameters.AddWithValue("$hash", contentHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<StoryMember>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new StoryMember(
                reader.GetString(0), Ticks.ToTime(reader.GetInt64(1)), Ticks.ToTime(reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return members;
    }

    public async Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<BlobReference?> GetStoredVersionAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(articleId))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT blob_container, blob_name, blob_etag, blob_modified FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BlobReference(reader.GetString(0), reader.GetString(1), reader.GetString(2), Ticks.ToTime(reader.GetInt64(3)))
            : null;
    }

    public async Task<ArticleRecord?> GetArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(articleId))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", articleId);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] stored ? RecordCodec.Decode(stored) : null;
    }
}

using Azure.Data.Tables;
using Pipeline.Core.Processing;

namespace Pipeline.Storage.Articles;

// Stories: every analysed article owns one row in its content hash's partition of the Articles table (row key = its
// id), written and removed with its other index rows, so the copies of a story are one partition query away.
public sealed partial class TableArticleStore : IStoryIndex
{
    private const string StoryUploaded = "Uploaded";
    private const string StoryProcessedAt = "ProcessedAt";
    private const string StoryDuplicateOf = "DuplicateOf";

    // Article rows are keyed by their 16-hex id, so this prefix cannot meet one.
    private static string StoryPartition(string contentHash) => "story-" + contentHash;

    public async Task<IReadOnlyList<StoryMember>> FindStoryAsync(string contentHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        var members = new List<StoryMember>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StoryPartition(contentHash)}");
        await foreach (var row in _storage.Articles.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            members.Add(new StoryMember(
                row.RowKey, row.GetDateTimeOffset(StoryUploaded) ?? default, row.GetDateTimeOffset(StoryProcessedAt) ?? default, row.GetString(StoryDuplicateOf)));
        }

        return members;
    }

    // The committed version's index keys carry its hash: one row read instead of the analysis blob.
    public async Task<string?> GetContentHashAsync(string articleId, CancellationToken cancellationToken) =>
        await ReadRowAsync(articleId, cancellationToken) is { } row && ArticleRow.IsCommitted(row) ? ArticleRow.ReadKeys(row).Committed?.Story : null;
}

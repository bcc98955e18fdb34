using Azure.Storage.Blobs;
using Pipeline.Cli.Storage;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Cli.Status;

/// <summary>Counts from storage: articles by status and by analyzer version, and uploaded blobs that have no article yet.</summary>
internal sealed record StatusReport(
    IReadOnlyDictionary<ArticleStatus, int> ByStatus,
    IReadOnlyDictionary<string, int> ByAnalyzer,
    int Blobs,
    int Pending)
{
    public const string NotAnalyzed = "(none)";

    public int Articles => ByStatus.Values.Sum();

    public static async Task<StatusReport> ReadAsync(IArticleQueries queries, BlobContainerClient articles, CancellationToken cancellationToken)
    {
        var byStatus = Enum.GetValues<ArticleStatus>().ToDictionary(s => s, _ => 0);
        var byAnalyzer = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var article in queries.AllAsync(new ArticleQuery(), cancellationToken))
        {
            byStatus[article.Status]++;
            var analyzer = article.AnalyzerVersion ?? NotAnalyzed;
            byAnalyzer[analyzer] = byAnalyzer.GetValueOrDefault(analyzer) + 1;
            stored.Add(article.BlobName);
        }

        var blobs = 0;
        var pending = 0;
        if (await articles.ExistsAsync(cancellationToken))
        {
            await foreach (var blob in articles.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                blobs++;
                pending += stored.Contains(blob.Name) ? 0 : 1;
            }
        }

        return new StatusReport(byStatus, byAnalyzer, blobs, pending);
    }
}

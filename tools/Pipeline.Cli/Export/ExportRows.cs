using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Cli.Export;

/// <summary>What researchers get: one row per article, or one row per entity mention with the sentiment toward it.</summary>
internal static class ExportRows
{
    public static ExportRow Article(ArticleSummary a) => ExportRow.Of(
        ("id", a.Id),
        ("blobName", a.BlobName),
        ("status", a.Status.ToString().ToLowerInvariant()),
        ("failureReason", a.FailureReason),
        ("title", a.Title),
        ("source", a.Source),
        ("url", a.Url),
        ("author", a.Author),
        ("publishedAt", a.PublishedAt),
        ("timestamp", a.Timestamp),
        ("processedAt", a.ProcessedAt),
        ("language", a.Language),
        ("sentiment", a.Sentiment?.Label.ToString().ToLowerInvariant()),
        ("positive", a.Sentiment?.Scores.Positive),
        ("neutral", a.Sentiment?.Scores.Neutral),
        ("negative", a.Sentiment?.Scores.Negative),
        ("analyzerVersion", a.AnalyzerVersion),
        ("duplicateOf", a.DuplicateOf));

    public static IEnumerable<ExportRow> Mentions(ArticleRecord record)
    {
        foreach (var entity in record.Analysis?.Entities ?? [])
        {
            foreach (var mention in entity.Mentions)
            {
                yield return ExportRow.Of(
                    ("articleId", record.Id),
                    ("blobName", record.Blob.Name),
                    ("timestamp", record.Timestamp),
                    ("source", record.Source),
                    ("entityId", entity.Id),
                    ("entity", entity.Name),
                    ("category", entity.Category),
                    ("text", mention.Text),
                    ("offset", mention.Offset),
                    ("length", mention.Length),
                    ("confidence", mention.ConfidenceScore),
                    ("mentionSentiment", Label(mention.Sentiment)),
                    ("entitySentiment", Label(entity.Sentiment)),
                    ("duplicateOf", record.DuplicateOf));
            }
        }
    }

    private static string? Label(SentimentResult? sentiment) => sentiment?.Label.ToString().ToLowerInvariant();
}

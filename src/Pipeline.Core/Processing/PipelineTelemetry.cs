using System.Diagnostics;
using System.Diagnostics.Metrics;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Processing;

/// <summary>
/// Traces and metrics of the article path, named <see cref="Name"/> for OpenTelemetry (the hosts export them): one
/// "article" span per blob with a child span per stage (read, parse, analyze, write), how long each stage took, how
/// many articles ended how, and the lag from upload to stored.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "Pipeline";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Articles = Meter.CreateCounter<long>(
        "pipeline.articles", "{article}", "Articles handled, by outcome: processed, unscored, failed, already_current, deleted, retried, poisoned.");

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "pipeline.article.stage.duration", "s", "Time one stage (read, parse, analyze, write) of one article took.");

    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>(
        "pipeline.article.lag", "s", "From the blob's last modification (its upload) to its results stored.");

    /// <summary>The span of one blob's trip through the pipeline; null when nobody listens.</summary>
    public static Activity? StartArticle(string blobName) =>
        Source.StartActivity("article")?.SetTag("pipeline.blob", blobName);

    /// <summary>An article span unless the trigger started one (it times the read before calling the processor).</summary>
    public static Activity? StartArticleUnlessStarted(string blobName) =>
        Activity.Current is { OperationName: "article" } current && current.Source == Source ? null : StartArticle(blobName);

    /// <summary>Times a stage: a child span of the current article and a duration sample, both ended by Dispose.</summary>
    public static StageScope Stage(string stage, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new StageScope(stage, Source.StartActivity(stage), timeProvider, timeProvider.GetTimestamp());
    }

    public static void CountOutcome(string outcome) => Articles.Add(1, new KeyValuePair<string, object?>("pipeline.outcome", outcome));

    /// <summary>Counts a stored article by its status and samples its lag since upload.</summary>
    public static void CountStored(ArticleRecord record, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        CountOutcome(record.Status.ToString().ToLowerInvariant());
        Lag.Record(Math.Max(0, (storedAt - record.Blob.LastModified).TotalSeconds));
        Activity.Current?.SetTag("pipeline.article_id", record.Id).SetTag("pipeline.status", record.Status.ToString());
    }

    public readonly struct StageScope(string stage, Activity? activity, TimeProvider timeProvider, long started) : IDisposable
    {
        public void Dispose()
        {
            StageDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("pipeline.stage", stage));
            activity?.Dispose();
        }
    }
}

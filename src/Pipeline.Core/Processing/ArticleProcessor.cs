using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Processing;

/// <summary>
/// Parse, analyze, store: the one path every trigger (local watcher, Functions blob trigger) goes through.
/// Permanent problems with the input become a failed record; transient errors propagate so the trigger retries.
/// </summary>
public sealed partial class ArticleProcessor(
    IArticleParser parser,
    ITextAnalyzer analyzer,
    IArticleRepository repository,
    DuplicateStories duplicates,
    IOptions<ProcessingOptions> options,
    TimeProvider timeProvider,
    ILogger<ArticleProcessor> logger,
    ResultsVersion? results = null)
{
    public async Task<ProcessingOutcome> ProcessAsync(RawArticle raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var blob = raw.Blob;
        var id = blob.ArticleId;
        using var span = PipelineTelemetry.StartArticleUnlessStarted(blob.Name);

        var stored = await repository.GetStoredVersionAsync(id, cancellationToken);
        if (stored is not null && IsSameOrNewer(stored, blob))
        {
            LogAlreadyCurrent(logger, blob.Name, blob.ETag);
            PipelineTelemetry.CountOutcome("already_current");
            return new ProcessingOutcome(id, ProcessingResult.AlreadyCurrent, null, null);
        }

        var record = await BuildRecordAsync(raw, cancellationToken);
        using (PipelineTelemetry.Stage("write", timeProvider))
        {
            record = await duplicates.PrepareAsync(record, replacing: stored is not null, cancellationToken);
            await repository.SaveAsync(record, cancellationToken);
            await duplicates.ConfirmAsync(record, cancellationToken);
        }

        results?.Advance();
        PipelineTelemetry.CountStored(record, timeProvider.GetUtcNow());
        if (record.Status == ArticleStatus.Failed)
        {
            LogFailed(logger, blob.Name, record.FailureReason);
            return new ProcessingOutcome(id, ProcessingResult.Failed, record.Status, record.FailureReason);
        }

        LogStored(logger, blob.Name, id, record.Status);
        return new ProcessingOutcome(id, ProcessingResult.Stored, record.Status, null);
    }

    /// <summary>
    /// Stores a visible failed record for a blob the trigger could not get through the normal path (a payload
    /// without usable content, or transient failures until the retry budget ran out), so nothing vanishes.
    /// A newer version already stored is left alone.
    /// </summary>
    public async Task<ProcessingOutcome> RecordFailureAsync(BlobReference blob, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var id = blob.ArticleId;
        var stored = await repository.GetStoredVersionAsync(id, cancellationToken);
        if (stored is not null && IsSameOrNewer(stored, blob))
        {
            LogAlreadyCurrent(logger, blob.Name, blob.ETag);
            return new ProcessingOutcome(id, ProcessingResult.AlreadyCurrent, null, null);
        }

        var failed = await duplicates.PrepareAsync(ArticleRecord.Failed(blob, reason, timeProvider.GetUtcNow()), replacing: stored is not null, cancellationToken);
        await repository.SaveAsync(failed, cancellationToken);
        results?.Advance();
        PipelineTelemetry.CountOutcome("poisoned");
        LogFailed(logger, blob.Name, reason);
        return new ProcessingOutcome(id, ProcessingResult.Failed, ArticleStatus.Failed, reason);
    }

    /// <summary>The blob is gone: its results go too (and if it was the counted copy of a story, the next copy counts).</summary>
    public async Task DeleteAsync(string container, string blobName, CancellationToken cancellationToken)
    {
        var id = ArticleId.For(container, blobName);
        await duplicates.LeaveAsync(id, cancellationToken);
        await repository.DeleteAsync(id, cancellationToken);
        results?.Advance();
        PipelineTelemetry.CountOutcome("deleted");
        LogDeleted(logger, blobName, id);
    }

    private async Task<ArticleRecord> BuildRecordAsync(RawArticle raw, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var limit = options.Value.MaxArticleBytes;
        if (raw.ContentLength > limit)
        {
            return ArticleRecord.Failed(raw.Blob, $"Article is {raw.ContentLength:N0} bytes; the limit is {limit:N0} bytes (Processing:MaxArticleBytes).", now);
        }

        ParsedArticle parsed;
        try
        {
            using var stage = PipelineTelemetry.Stage("parse", timeProvider);
            parsed = parser.Parse(raw);
        }
        catch (ArticleRejectedException ex)
        {
            return ArticleRecord.Failed(raw.Blob, ex.Message, now);
        }

        TextAnalysis analysis;
        try
        {
            using var stage = PipelineTelemetry.Stage("analyze", timeProvider);
            analysis = await analyzer.AnalyzeAsync(new AnalysisRequest(parsed.Text, parsed.LanguageHint), cancellationToken);
        }
        catch (AnalysisRejectedException ex)
        {
            return ArticleRecord.Failed(raw.Blob, "Analysis rejected: " + ex.Message, now, parsed);
        }

        return ArticleRecord.Analyzed(raw.Blob, parsed, analysis, now);
    }

    // A replayed trigger or an out-of-order retry of an older version must not overwrite newer results.
    private static bool IsSameOrNewer(BlobReference stored, BlobReference incoming) =>
        string.Equals(stored.ETag, incoming.ETag, StringComparison.Ordinal) || stored.LastModified > incoming.LastModified;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Blob {BlobName} version {ETag} already stored; skipped")]
    private static partial void LogAlreadyCurrent(ILogger logger, string blobName, string eTag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {BlobName} recorded as failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string blobName, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob {BlobName} stored as article {ArticleId} ({Status})")]
    private static partial void LogStored(ILogger logger, string blobName, string articleId, ArticleStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob {BlobName} deleted; article {ArticleId} removed")]
    private static partial void LogDeleted(ILogger logger, string blobName, string articleId);
}

using Microsoft.Extensions.Logging;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Processing;

/// <summary>
/// Keeps each story counted once. Of the stored articles with one <see cref="ArticleRecord.ContentHash"/>, the first
/// upload (earliest blob last-modified, then first stored, then smallest id) counts; every other is stored with
/// <see cref="ArticleRecord.DuplicateOf"/> naming it, and stays listed and readable.
/// </summary>
/// <remarks>
/// Settling runs before a write, for the story as it will be once the write is done, so a process that dies in between
/// leaves the story counted at most once (a retry of the write finishes the job); and again after the write, so two
/// copies written at once by two workers agree: whichever finishes last sees both. Re-marking another article is a save
/// of its stored version, which the store ignores if a newer version of that blob arrived meanwhile.
/// </remarks>
public sealed partial class DuplicateStories(
    IStoryIndex stories, IArticleRepository repository, ILogger<DuplicateStories> logger)
{
    /// <summary>
    /// Before <paramref name="incoming"/> replaces what is stored for its blob: hands a story the stored version leaves to
    /// its next upload, re-marks the story it joins, and returns it with its own <see cref="ArticleRecord.DuplicateOf"/>.
    /// </summary>
    public async Task<ArticleRecord> PrepareAsync(ArticleRecord incoming, bool replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (replacing && await stories.GetContentHashAsync(incoming.Id, cancellationToken) is { } previous && previous != incoming.ContentHash)
        {
            await SettleAsync(previous, arriving: null, leaving: incoming.Id, cancellationToken);
        }

        var duplicateOf = incoming.ContentHash is { } hash ? await SettleAsync(hash, incoming, leaving: null, cancellationToken) : null;
        return incoming with { DuplicateOf = duplicateOf };
    }

    /// <summary>After a save: settles the story again, in case another worker stored a copy at the same time.</summary>
    public async Task ConfirmAsync(ArticleRecord saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.ContentHash is { } hash)
        {
            await SettleAsync(hash, arriving: null, leaving: null, cancellationToken);
        }
    }

    /// <summary>Before an article is deleted: its story passes to the next upload, which then counts.</summary>
    public async Task LeaveAsync(string articleId, CancellationToken cancellationToken)
    {
        if (await stories.GetContentHashAsync(articleId, cancellationToken) is { } hash)
        {
            await SettleAsync(hash, arriving: null, leaving: articleId, cancellationToken);
        }
    }

    /// <returns>What <paramref name="arriving"/>'s DuplicateOf must be.</returns>
    private async Task<string?> SettleAsync(string hash, ArticleRecord? arriving, string? leaving, CancellationToken cancellationToken)
    {
        var members = (await stories.FindStoryAsync(hash, cancellationToken))
            .Where(m => m.ArticleId != leaving && m.ArticleId != arriving?.Id)
            .ToList();
        var candidates = members.Select(m => (m.ArticleId, m.Uploaded, m.ProcessedAt));
        if (arriving is not null)
        {
            // Not stored yet: of two uploads in the same second, the one already stored keeps the count.
            candidates = candidates.Append((arriving.Id, arriving.Blob.LastModified, DateTimeOffset.MaxValue));
        }

        var counted = candidates
            .OrderBy(c => c.Uploaded)
            .ThenBy(c => c.ProcessedAt)
            .ThenBy(c => c.ArticleId, StringComparer.Ordinal)
            .Select(c => c.ArticleId)
            .FirstOrDefault();
        foreach (var member in members)
        {
            var wanted = member.ArticleId == counted ? null : counted;
            if (member.DuplicateOf == wanted)
            {
                continue;
            }

            // Read again: if the blob changed meanwhile, its own write settles its story.
            var record = await stories.GetArticleAsync(member.ArticleId, cancellationToken);
            if (record is not null && record.ContentHash == hash && record.DuplicateOf != wanted)
            {
                await repository.SaveAsync(record with { DuplicateOf = wanted }, cancellationToken);
                LogRemarked(logger, member.ArticleId, hash, wanted);
            }
        }

        return arriving is null || counted == arriving.Id ? null : counted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} of story {ContentHash} re-marked: duplicate of {DuplicateOf} (none: it counts)")]
    private static partial void LogRemarked(ILogger logger, string articleId, string contentHash, string? duplicateOf);
}

namespace Pipeline.Storage.Articles;

/// <summary>The index rows one version of an article owns, so a later version or a delete can remove them.</summary>
/// <param name="Ticks">UTC ticks of the article timestamp (time index key, stats day and month).</param>
/// <param name="SourceKey">Encoded source key, or null.</param>
/// <param name="EntityIds">Entity ids in the per-entity index and the stats.</param>
/// <param name="Undated">The article's only date is its upload time: its totals stay out of the month and day periods.</param>
/// <param name="Story">The article's content hash: its row in the story's partition of the Articles table (see <see cref="TableArticleStore.FindStoryAsync"/>).</param>
internal sealed record IndexState(long Ticks, string? SourceKey, IReadOnlyList<string> EntityIds, bool Undated = false, string? Story = null);

/// <summary>What the Articles row tracks: the committed version's keys and any started but unfinished writes.</summary>
internal sealed record IndexKeys(IndexState? Committed, IReadOnlyList<IndexState> Pending)
{
    public IEnumerable<IndexState> All => Committed is null ? Pending : Pending.Prepend(Committed);
}

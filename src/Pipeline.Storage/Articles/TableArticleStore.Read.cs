using Pipeline.Core.Aggregates;
using Azure.Data.Tables;
using Pipeline.Core.Queries;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Articles;

// Read path. Every listing is a row-key range inside known partitions: the source index when only a source is
// asked for, else the month partitions of the time index, newest month first (its per-entity rows when an entity is).
public sealed partial class TableArticleStore
{
    public async Task<Page<ArticleSummary>> ListArticlesAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var top = Math.Clamp(query.Top, 1, ArticleQuery.MaxTop);
        var items = new List<ArticleSummary>(top);

        if (query.EntityId is null && query.Source is not null)
        {
            var state = ContinuationState.Decode(query.ContinuationToken, "source");
            var filter = Filter(KeyEncoder.SourceKey(query.Source), query, sourceFilter: false, keyPrefix: "");
            var cursor = await ReadPartitionAsync(_storage.BySource, filter, state?.Cursor, top, items, cancellationToken);
            return new Page<ArticleSummary>(items, cursor is null ? null : new ContinuationState("source", null, cursor).Encode());
        }

        // The time index, or its per-entity rows: month partitions, newest first.
        var (kind, prefix) = query.EntityId is { } entity ? ("entity", EntityKeyPrefix(entity)) : ("time", "");
        var resume = ContinuationState.Decode(query.ContinuationToken, kind);
        var months = (await ReadMonthsAsync(cancellationToken))
            .Where(m => query.From is null || string.CompareOrdinal(m, TimeKeys.Month(query.From.Value)) >= 0)
            .Where(m => query.To is null || string.CompareOrdinal(m, TimeKeys.Month(query.To.Value.AddTicks(-1))) <= 0)
            .Where(m => resume?.Month is null || string.CompareOrdinal(m, resume.Month) <= 0)
            .Reverse()
            .ToList();

        for (var i = 0; i < months.Count; i++)
        {
            var start = resume is not null && string.Equals(months[i], resume.Month, StringComparison.Ordinal) ? resume.Cursor : null;
            var filter = Filter(months[i], query, sourceFilter: kind == "entity", keyPrefix: prefix);
            var cursor = await ReadPartitionAsync(_storage.ByTime, filter, start, top - items.Count, items, cancellationToken);
            if (cursor is not null)
            {
                return new Page<ArticleSummary>(items, new ContinuationState(kind, months[i], cursor).Encode());
            }

            if (items.Count == top)
            {
                return new Page<ArticleSummary>(items, i + 1 < months.Count ? new ContinuationState(kind, months[i + 1], null).Encode() : null);
            }
        }

        return new Page<ArticleSummary>(items, null);
    }

    public async Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var top = Math.Clamp(query.Top, 1, EntityQuery.MaxTop);
        var category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim().ToLowerInvariant();
        var totals = new Dictionary<string, EntityTotals>(StringComparer.Ordinal);

        if (query.Source is not null)
        {
            // One outlet: its articles' contributions in the window (the totals are not kept per outlet).
            var windowed = query.From is not null || query.To is not null;
            await foreach (var row in ReadWindowRowsAsync("", query.From, query.To, query.Source, cancellationToken))
            {
                if (!windowed || row.GetDateTimeOffset("PublishedAt") is not null)
                {
                    EntityStatsStore.AddContributions(StoredContribution.Read(row), category, totals);
                }
            }
        }
        else if (query.From is null && query.To is null)
        {
            await _stats.AddPeriodAsync(EntityStatsStore.AllPeriod, category, totals, cancellationToken);
        }
        else
        {
            var spans = await WindowSpansAsync(query.From, query.To, cancellationToken);
            if (spans.Count > 0)
            {
                // Each span fills its own dictionary (spans run in parallel), merged afterwards.
                var parts = spans.Select(_ => new Dictionary<string, EntityTotals>(StringComparer.Ordinal)).ToList();
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, spans.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                    async (i, ct) =>
                    {
                        var span = spans[i];
                        if (span.Period is { } period)
                        {
                            await _stats.AddPeriodAsync(period, category, parts[i], ct);
                        }
                        else
                        {
                            await AddContributionsAsync(span.From, span.To, category, parts[i], ct);
                        }
                    });
                foreach (var part in parts.SelectMany(p => p.Values))
                {
                    if (!totals.TryGetValue(part.Id, out var total))
                    {
                        totals[part.Id] = total = new EntityTotals(part.Id, part.Name, part.Category);
                    }

                    total.PreferName(part.Name);
                    total.Add(part.Articles, part.Mentions, part.PolarityMicro, part.Scored);
                }
            }
        }

        var excluded = new HashSet<string>(query.ExcludedCategories, StringComparer.OrdinalIgnoreCase);
        return totals.Values
            .Where(t => t.Articles > 0 && !excluded.Contains(t.Category))
            .Select(t => t.ToSummary())
            .OrderByDescending(s => s.ArticleCount)
            .ThenByDescending(s => s.MentionCount)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    public async Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        return (await _stats.GetAsync(entityId, cancellationToken))?.ToSummary();
    }

    public async Task<IReadOnlyList<EntitySummary>> FindEntitiesByNameAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var ids = await _stats.FindIdsByNameAsync(EntityContribution.NameKey(name), cancellationToken);
        var found = await Task.WhenAll(ids.Select(id => _stats.GetAsync(id, cancellationToken)));
        return found.OfType<EntityTotals>()
            .Select(t => t.ToSummary())
            .OrderByDescending(s => s.ArticleCount)
            .ThenByDescending(s => s.MentionCount)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Adds the contributions of articles timed in [from, to), inside one day, read from their time index rows.</summary>
    private async Task AddContributionsAsync(
        DateTimeOffset from, DateTimeOffset to, string? categoryKey, Dictionary<string, EntityTotals> totals, CancellationToken cancellationToken)
    {
        var (lower, upper) = TimeKeys.Range(from, to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TimeKeys.Month(from)} and RowKey ge {lower} and RowKey lt {upper}");
        await foreach (var row in _storage.ByTime.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("PublishedAt") is not null) // undated articles are in no period (see EntityStatsStore.PartitionsOf)
            {
                EntityStatsStore.AddContributions(StoredContribution.Read(row), categoryKey, totals);
            }
        }
    }

    /// <summary>Reads up to <paramref name="max"/> rows into <paramref name="items"/>; returns the Tables cursor if the partition has more.</summary>
    private static async Task<string?> ReadPartitionAsync(
        TableClient table, string filter, string? cursor, int max, List<ArticleSummary> items, CancellationToken cancellationToken)
    {
        var remaining = max;
        while (remaining > 0)
        {
            // One request per page with the exact remaining count as $top, so a page never overshoots and the
            // returned cursor points right after the last row handed out.
            var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: remaining, select: SummaryColumns.Names, cancellationToken: cancellationToken).AsPages(cursor, remaining);
            await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
            if (!await enumerator.MoveNextAsync())
            {
                return null;
            }

            var page = enumerator.Current;
            items.AddRange(page.Values.Select(SummaryColumns.Read));
            remaining -= page.Values.Count;
            cursor = page.ContinuationToken;
            if (cursor is null)
            {
                return null;
            }
        }

        return cursor;
    }

    /// <param name="keyPrefix">Row-key prefix of the rows listed ("" for time and source rows, whose keys start with digits).</param>
    private static string Filter(string partition, ArticleQuery query, bool sourceFilter, string keyPrefix)
    {
        var (lower, upper) = TimeKeys.Range(query.From, query.To);
        // Without bounds the range still stops before other rows of the partition: ':' follows the digits, '}' follows '|'.
        lower = keyPrefix + lower;
        upper = upper is null ? (keyPrefix.Length == 0 ? ":" : keyPrefix[..^1] + "}") : keyPrefix + upper;
        var parts = new List<string>
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            TableClient.CreateQueryFilter($"RowKey lt {upper}"),
        };
        if (lower.Length > 0)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {lower}"));
        }

        if (sourceFilter && query.Source is { } source)
        {
            parts.Add(TableClient.CreateQueryFilter($"SourceKey eq {KeyEncoder.SourceKey(source)}"));
        }

        if (query.Sentiment is { } sentiment)
        {
            parts.Add(TableClient.CreateQueryFilter($"Sentiment eq {sentiment.ToString()}"));
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            parts.Add(TableClient.CreateQueryFilter($"LanguageKey eq {query.Language.Trim().ToLowerInvariant()}"));
        }

        if (query.Status is { } status)
        {
            parts.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>
    /// [from, to) cut into whole months, whole days and partial days (<see cref="LeaderboardSpans"/>); open ends are
    /// bounded by the months that hold articles, so no empty period is read. Empty when no article is stored.
    /// </summary>
    private async Task<IReadOnlyList<LeaderboardSpan>> WindowSpansAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var months = await ReadMonthsAsync(cancellationToken);
        if (months.Count == 0)
        {
            return [];
        }

        var first = TimeKeys.MonthStart(months[0]);
        var end = TimeKeys.MonthStart(months[^1]).AddMonths(1);
        return [.. LeaderboardSpans.Split(from is { } f && f > first ? f : first, to is { } t && t < end ? t : end)];
    }
}

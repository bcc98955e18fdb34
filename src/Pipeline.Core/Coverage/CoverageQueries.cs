namespace Pipeline.Core.Coverage;

/// <summary>
/// The coverage views over a store's aggregates: timelines on shared buckets, outlets ranked, co-mentions ranked.
/// The stores count; this class only shapes, so both stores answer alike.
/// </summary>
public sealed class CoverageQueries(ICoverageStore store)
{
    /// <summary>Most points one series may have: ten years of days. Wider views ask for weeks or months.</summary>
    public const int MaxPoints = 3660;

    public const int DefaultTop = 25;
    public const int MaxTop = 500;

    /// <summary>One series per entity in <paramref name="entities"/>, or one for all articles when it is empty.</summary>
    /// <exception cref="QueryTooLargeException">The window holds more than <see cref="MaxPoints"/> buckets.</exception>
    public async Task<Timeline> GetTimelineAsync(
        IReadOnlyList<EntityRef> entities, TimeBucket bucket, CoverageScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(scope);
        IReadOnlyList<EntityRef?> subjects = entities.Count == 0 ? [default(EntityRef)] : [.. entities];
        var days = await Task.WhenAll(subjects.Select(e => store.ReadDailyAsync(scope with { EntityId = e?.Id }, cancellationToken)));

        var buckets = days.Select(d => Fold(d.Days, bucket)).ToList();
        var span = Span(buckets, bucket, scope);
        var series = new List<TimelineSeries>(subjects.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            var points = new List<TimelinePoint>();
            if (span is var (first, last))
            {
                for (var start = first; start <= last; start = Next(start, bucket))
                {
                    var totals = buckets[i].GetValueOrDefault(start);
                    points.Add(new TimelinePoint(start, totals?.Articles ?? 0, totals?.Mentions ?? 0, (totals ?? new CoverageTotals()).ToTone()));
                }
            }

            series.Add(new TimelineSeries(subjects[i], days[i].Undated, points));
        }

        return new Timeline(bucket, scope.From, scope.To, series);
    }

    /// <summary>Outlets by articles (then name); with an entity in scope, the tone toward it and its mentions.</summary>
    public async Task<IReadOnlyList<SourceSummary>> ListSourcesAsync(CoverageScope scope, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sources = await store.ReadSourcesAsync(scope with { Source = null }, cancellationToken);
        return sources
            .Where(s => s.Totals.Articles > 0)
            .OrderByDescending(s => s.Totals.Articles)
            .ThenBy(s => s.Source is null) // the unknown outlet last among equals
            .ThenBy(s => s.Source, StringComparer.Ordinal)
            .Take(Math.Clamp(top, 1, MaxTop))
            .Select(s => new SourceSummary(s.Source, s.Totals.Articles, scope.EntityId is null ? null : s.Totals.Mentions, s.Totals.ToTone()))
            .ToList();
    }

    /// <summary>Entities that appear in the same articles as <see cref="CoverageScope.EntityId"/>, most shared articles first.</summary>
    /// <param name="scope">Which articles; names the subject entity.</param>
    /// <param name="category">Only co-mentioned entities of this category (case-insensitive); null: any but <paramref name="excludedCategories"/>.</param>
    /// <param name="excludedCategories">Categories left out (case-insensitive).</param>
    /// <param name="top">How many to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<CoMention>> ListCoMentionsAsync(
        CoverageScope scope, string? category, IReadOnlyCollection<string> excludedCategories, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(excludedCategories);
        ArgumentException.ThrowIfNullOrEmpty(scope.EntityId);
        var found = await store.ReadCoMentionsAsync(scope, cancellationToken);
        return found
            .Where(c => c.Totals.Articles > 0 && !string.Equals(c.EntityId, scope.EntityId, StringComparison.Ordinal))
            .Where(c => category is null ? !excludedCategories.Contains(c.Category, StringComparer.OrdinalIgnoreCase) : string.Equals(c.Category, category, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Totals.Articles)
            .ThenByDescending(c => c.Totals.Mentions)
            .ThenBy(c => c.EntityId, StringComparer.Ordinal)
            .Take(Math.Clamp(top, 1, MaxTop))
            .Select(c => new CoMention(c.EntityId, c.Name, c.Category, c.Totals.Articles, c.Totals.ToTone()))
            .ToList();
    }

    /// <summary>The stored counts; <see cref="CorpusStatus.Pending"/> is null here: the host that queues work fills it in.</summary>
    public async Task<CorpusStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var counts = await store.ReadCountsAsync(cancellationToken);
        return new CorpusStatus(counts.Total, counts.Processed, counts.Unscored, counts.Failed, counts.Undated, counts.Duplicates, counts.LastProcessedAt, null);
    }

    public static DateTimeOffset BucketStart(DateTimeOffset t, TimeBucket bucket)
    {
        var day = t.UtcDateTime.Date;
        return bucket switch
        {
            TimeBucket.Week => new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero),
            TimeBucket.Month => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(day, TimeSpan.Zero),
        };
    }

    private static DateTimeOffset Next(DateTimeOffset start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Week => start.AddDays(7),
        TimeBucket.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    private static Dictionary<DateTimeOffset, CoverageTotals> Fold(IReadOnlyDictionary<int, CoverageTotals> days, TimeBucket bucket)
    {
        var result = new Dictionary<DateTimeOffset, CoverageTotals>();
        foreach (var (day, totals) in days)
        {
            var start = BucketStart(DailyCoverage.DayStart(day), bucket);
            if (!result.TryGetValue(start, out var sum))
            {
                result[start] = sum = new CoverageTotals();
            }

            sum.Add(totals);
        }

        return result;
    }

    // The buckets every series shares: the window's, or where the data is when the window is open.
    private static (DateTimeOffset First, DateTimeOffset Last)? Span(List<Dictionary<DateTimeOffset, CoverageTotals>> buckets, TimeBucket bucket, CoverageScope scope)
    {
        var starts = buckets.SelectMany(b => b.Keys).ToList();
        DateTimeOffset? first = scope.From is { } from ? BucketStart(from, bucket) : starts.Count > 0 ? starts.Min() : null;
        DateTimeOffset? last = scope.To is { } to ? BucketStart(to.AddTicks(-1), bucket) : starts.Count > 0 ? starts.Max() : null;
        if (first is not { } f || last is not { } l || l < f)
        {
            return null;
        }

        var count = bucket switch
        {
            TimeBucket.Week => ((l - f).Days / 7) + 1,
            TimeBucket.Month => ((l.Year - f.Year) * 12) + l.Month - f.Month + 1,
            _ => (l - f).Days + 1,
        };
        if (count > MaxPoints)
        {
            throw new QueryTooLargeException(
                $"The timeline would have {count} {bucket.ToString().ToLowerInvariant()} buckets; at most {MaxPoints} are returned. Use a wider bucket or a narrower from/to.");
        }

        return (f, l);
    }
}

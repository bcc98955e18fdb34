using Pipeline.Core.Aggregates;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Testing.Aggregates;

/// <summary>
/// Entity totals recounted from articles with Core's own contribution rules: the oracle a store's stored
/// aggregates must equal, whatever order its writers ran in.
/// </summary>
public static class EntityRecount
{
    /// <summary>Every entity with at least one article in [from, to), ordered like the leaderboard.</summary>
    public static List<EntitySummary> Of(IEnumerable<ArticleRecord> records, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var totals = new Dictionary<string, EntityTotals>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => (from is null || r.Timestamp >= from) && (to is null || r.Timestamp < to)))
        {
            foreach (var c in EntityContribution.From(record).Values)
            {
                if (!totals.TryGetValue(c.EntityId, out var t))
                {
                    totals[c.EntityId] = t = new EntityTotals(c.EntityId, c.Name, c.Category);
                }

                t.PreferName(c.Name);
                t.Add(1, c.Mentions, c.PolarityMicro ?? 0, c.PolarityMicro is null ? 0 : 1);
            }
        }

        return totals.Values.Select(t => t.ToSummary())
            .OrderByDescending(s => s.ArticleCount).ThenByDescending(s => s.MentionCount).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Reads every stored article back and compares the store's leaderboard for each window with a recount of them:
    /// what racing versions and deletes left stored decides the expected totals, not what was sent.
    /// </summary>
    public static async Task<List<string>> DifferencesAsync(
        IArticleQueries store, IEnumerable<(DateTimeOffset? From, DateTimeOffset? To)> windows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(windows);
        var records = new List<ArticleRecord>();
        string? token = null;
        do
        {
            var page = await store.ListArticlesAsync(new ArticleQuery { Top = ArticleQuery.MaxTop, ContinuationToken = token }, cancellationToken);
            foreach (var item in page.Items)
            {
                records.Add(await store.GetArticleAsync(item.Id, cancellationToken) ?? throw new InvalidOperationException($"{item.Id} is listed but not stored."));
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        var differences = new List<string>();
        foreach (var (from, to) in windows)
        {
            var stored = await store.ListEntitiesAsync(new EntityQuery { From = from, To = to, Top = EntityQuery.MaxTop }, cancellationToken);
            differences.AddRange(Differences(Of(records, from, to), stored).Select(d => $"[{from:o}, {to:o}) {d}"));
        }

        return differences;
    }

    /// <summary>The entities whose stored totals differ from the recount (empty when exact), described for a report.</summary>
    public static List<string> Differences(IReadOnlyList<EntitySummary> expected, IReadOnlyList<EntitySummary> actual)
    {
        var stored = actual.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var e in expected)
        {
            if (!stored.Remove(e.Id, out var a))
            {
                differences.Add($"{e.Id}: missing (expected {e.ArticleCount} articles)");
            }
            else if ((a.Name, a.Category, a.ArticleCount, a.MentionCount) != (e.Name, e.Category, e.ArticleCount, e.MentionCount)
                     || Math.Abs((a.AverageSentiment ?? 9) - (e.AverageSentiment ?? 9)) > 1e-6)
            {
                differences.Add($"{e.Id}: stored {a}, recounted {e}");
            }
        }

        differences.AddRange(stored.Values.Select(a => $"{a.Id}: stored {a.ArticleCount} articles, recounted none"));
        return differences;
    }
}

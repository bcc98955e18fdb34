using Pipeline.Core.Queries;

namespace Pipeline.Core.Aggregates;

/// <summary>Running totals for one entity over some period; add contributions or other totals.</summary>
public sealed class EntityTotals(string id, string name, string category)
{
    public string Id { get; } = id;
    public string Name { get; private set; } = name;
    public string Category { get; } = category;
    public long Articles { get; private set; }
    public long Mentions { get; private set; }
    public long PolarityMicro { get; private set; }
    public long Scored { get; private set; }

    public void PreferName(string other) => Name = EntityNames.Prefer(Name, other);

    public void Add(long articles, long mentions, long polarityMicro, long scored)
    {
        Articles += articles;
        Mentions += mentions;
        PolarityMicro += polarityMicro;
        Scored += scored;
    }

    public EntitySummary ToSummary() => new(
        Id,
        Name,
        Category,
        (int)Math.Min(Articles, int.MaxValue),
        (int)Math.Min(Mentions, int.MaxValue),
        Scored > 0 ? PolarityMicro / EntityContribution.Scale / Scored : null);
}

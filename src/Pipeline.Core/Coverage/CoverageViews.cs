namespace Pipeline.Core.Coverage;

/// <summary>An entity as named in coverage answers.</summary>
public sealed record EntityRef(string Id, string Name, string Category);

/// <summary>One bucket of a timeline: articles that fall in it, their mentions of the entity, and the tone.</summary>
public sealed record TimelinePoint(DateTimeOffset Start, long Articles, long Mentions, Tone Tone);

/// <summary>A timeline for one entity, or (<see cref="Entity"/> null) for all articles with their document tone.</summary>
/// <param name="Undated">Articles in scope left out because their only date is the upload time (0 when they were asked for).</param>
public sealed record TimelineSeries(EntityRef? Entity, long Undated, IReadOnlyList<TimelinePoint> Points);

/// <summary>GET /api/timeline: one series per entity asked for, on shared buckets.</summary>
public sealed record Timeline(TimeBucket Bucket, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<TimelineSeries> Series);

/// <summary>One outlet's coverage: articles, mentions (of an entity, when one is the subject) and tone.</summary>
/// <param name="Source">Null: articles whose outlet is unknown.</param>
public sealed record SourceSummary(string? Source, long Articles, long? Mentions, Tone Tone);

/// <summary>GET /api/sources.</summary>
public sealed record SourceList(IReadOnlyList<SourceSummary> Sources);

/// <summary>GET /api/entities/{id}/sources: tone toward the entity per outlet.</summary>
public sealed record EntitySources(EntityRef Entity, IReadOnlyList<SourceSummary> Sources);

/// <summary>An entity that appears with the subject: in how many articles, and the tone toward it there.</summary>
public sealed record CoMention(string Id, string Name, string Category, long Articles, Tone Tone);

/// <summary>GET /api/entities/{id}/co-mentions.</summary>
public sealed record CoMentionList(EntityRef Entity, IReadOnlyList<CoMention> CoMentions);

/// <summary>GET /api/status: the stored corpus, from storage (survives restarts), plus the work this host still has queued.</summary>
/// <param name="Duplicates">Articles (processed or unscored) that repeat a story another upload already counts: listed, not counted twice.</param>
/// <param name="Pending">Blobs found but not yet processed by this host; null where the host does not queue work itself (Functions).</param>
public sealed record CorpusStatus(long Total, long Processed, long Unscored, long Failed, long Undated, long Duplicates, DateTimeOffset? LastProcessedAt, long? Pending);

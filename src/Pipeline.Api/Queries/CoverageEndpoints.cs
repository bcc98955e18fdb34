using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Api.Health;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>
/// The coverage handlers (timeline, outlets, co-mentions, status): thin adapters from query strings to
/// <see cref="CoverageQueries"/>, answered from <see cref="QueryCache"/> with ETag and 304, mapped by both hosts.
/// </summary>
public static class CoverageEndpoints
{
    /// <summary>Most entities one timeline compares.</summary>
    public const int MaxTimelineEntities = 10;

    private static readonly string[] TimelineParameters = ["entity", "bucket", "source", "from", "to", "category", "includeUndated"];
    private static readonly string[] SourceParameters = ["from", "to", "includeUndated", "top"];
    private static readonly string[] CoMentionParameters = ["from", "to", "source", "category", "includeUndated", "top"];

    public static async Task<Results<CachedJson<Timeline>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetTimelineAsync(
        HttpRequest request, IArticleQueries queries, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query);
        parameters.RejectUnknown(TimelineParameters);
        var names = parameters.Strings("entity", MaxTimelineEntities, 250);
        var bucket = parameters.Bucket("bucket") ?? TimeBucket.Day;
        var category = parameters.String("category", 40);
        var scope = Scope(parameters) with { Source = parameters.String("source", 200) };
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        try
        {
            var answer = await cache.GetAsync(request, async ct =>
            {
                var entities = new List<EntityRef>();
                foreach (var name in names)
                {
                    if (await EntityLookup.FindAsync(name, category, queries, ct) is not { } found)
                    {
                        return Lookup<Timeline>.NotFound(name);
                    }

                    entities.Add(Ref(found));
                }

                return Lookup<Timeline>.Found(await coverage.GetTimelineAsync(entities, bucket, scope, ct));
            }, cancellationToken);
            return CachedResults.Found(request, answer);
        }
        catch (QueryTooLargeException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bucket"] = [ex.Message] }, title: "Invalid query parameters");
        }
    }

    public static async Task<Results<CachedJson<SourceList>, StatusCodeHttpResult, ValidationProblem>> ListSourcesAsync(
        HttpRequest request, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query);
        parameters.RejectUnknown(SourceParameters);
        var scope = Scope(parameters);
        var top = parameters.Int("top", CoverageQueries.DefaultTop, 1, CoverageQueries.MaxTop);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        var answer = await cache.GetAsync(request, async ct => new SourceList(await coverage.ListSourcesAsync(scope, top, ct)), cancellationToken);
        return CachedResults.IsNotModified(request, answer) ? CachedResults.NotModified() : answer.Json(answer.Value);
    }

    public static async Task<Results<CachedJson<EntitySources>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListEntitySourcesAsync(
        string id, HttpRequest request, IArticleQueries queries, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query);
        parameters.RejectUnknown(SourceParameters);
        var scope = Scope(parameters);
        var top = parameters.Int("top", CoverageQueries.DefaultTop, 1, CoverageQueries.MaxTop);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        var answer = await cache.GetAsync(request, async ct =>
            await EntityLookup.FindAsync(id, null, queries, ct) is { } entity
                ? Lookup<EntitySources>.Found(new EntitySources(Ref(entity), await coverage.ListSourcesAsync(scope with { EntityId = entity.Id }, top, ct)))
                : Lookup<EntitySources>.NotFound(id), cancellationToken);
        return CachedResults.Found(request, answer);
    }

    public static async Task<Results<CachedJson<CoMentionList>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListCoMentionsAsync(
        string id, HttpRequest request, IArticleQueries queries, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query);
        parameters.RejectUnknown(CoMentionParameters);
        var scope = Scope(parameters) with { Source = parameters.String("source", 200) };
        var category = parameters.String("category", 40);
        var top = parameters.Int("top", CoverageQueries.DefaultTop, 1, CoverageQueries.MaxTop);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        // As on the leaderboard: without a category, dates, numbers and role nouns are left out.
        var excluded = category is null ? QueryApiEndpoints.UnnamedCategories : [];
        var answer = await cache.GetAsync(request, async ct =>
        {
            if (await EntityLookup.FindAsync(id, null, queries, ct) is not { } entity)
            {
                return Lookup<CoMentionList>.NotFound(id);
            }

            var found = await coverage.ListCoMentionsAsync(scope with { EntityId = entity.Id }, category, excluded, top, ct);
            return Lookup<CoMentionList>.Found(new CoMentionList(Ref(entity), found));
        }, cancellationToken);
        return CachedResults.Found(request, answer);
    }

    public static async Task<Ok<CorpusStatus>> GetStatusAsync(
        HttpRequest request, CoverageQueries coverage, QueryCache cache, HealthProbe health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(health);
        // The stored counts are cached like any answer; the host's queue is read live, so no ETag is given.
        var stored = await cache.GetAsync(request, ct => coverage.GetStatusAsync(null, ct), cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(stored.Value with { Pending = health.Report().Watcher?.Pending });
    }

    private static CoverageScope Scope(QueryParameters parameters)
    {
        var scope = new CoverageScope
        {
            From = parameters.Date("from"),
            To = parameters.Date("to", dateOnlyMeansEndOfDay: true),
            IncludeUndated = parameters.Bool("includeUndated"),
        };
        parameters.RequireOrdered("from", scope.From, "to", scope.To);
        return scope;
    }

    private static EntityRef Ref(EntitySummary entity) => new(entity.Id, entity.Name, entity.Category);

    private static ValidationProblem Invalid(QueryParameters parameters) =>
        TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
}

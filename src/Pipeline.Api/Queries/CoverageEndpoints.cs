using System.ComponentModel;
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

    public static async Task<Results<CachedJson<Timeline>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetTimelineAsync(
        HttpRequest request, IArticleQueries queries, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.Timeline);
        var names = parameters.Strings("entity");
        var bucket = parameters.Enum<TimeBucket>("bucket") ?? TimeBucket.Day;
        var category = parameters.String("category");
        var scope = Scope(parameters) with { Source = parameters.String("source") };
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
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListSources);
        var scope = Scope(parameters);
        var top = parameters.Int("top");
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        var answer = await cache.GetAsync(request, async ct => new SourceList(await coverage.ListSourcesAsync(scope, top, ct)), cancellationToken);
        return CachedResults.IsNotModified(request, answer) ? CachedResults.NotModified() : answer.Json(answer.Value);
    }

    public static async Task<Results<CachedJson<EntitySources>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListEntitySourcesAsync(
        [Description(QueryApiParameters.EntityIdDescription)] string id, HttpRequest request, IArticleQueries queries, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListEntitySources);
        var scope = Scope(parameters);
        var top = parameters.Int("top");
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
        [Description(QueryApiParameters.EntityIdDescription)] string id, HttpRequest request, IArticleQueries queries, CoverageQueries coverage, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListCoMentions);
        var scope = Scope(parameters) with { Source = parameters.String("source") };
        var category = parameters.String("category");
        var top = parameters.Int("top");
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

    public static async Task<Results<Ok<CorpusStatus>, ValidationProblem>> GetStatusAsync(
        HttpRequest request, CoverageQueries coverage, QueryCache cache, HealthProbe health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(health);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.None);
        if (!parameters.IsValid)
        {
            return Invalid(parameters);
        }

        // The stored counts are cached like any answer; the host's queue is read live, so no ETag is given.
        var stored = await cache.GetAsync(request, ct => coverage.GetStatusAsync(ct), cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(stored.Value with { Pending = health.Report().Watcher?.Pending });
    }

    private static CoverageScope Scope(QueryParameters parameters)
    {
        var scope = new CoverageScope
        {
            From = parameters.Date("from"),
            To = parameters.Date("to"),
            IncludeUndated = parameters.Bool("includeUndated"),
        };
        parameters.RequireOrdered("from", scope.From, "to", scope.To);
        return scope;
    }

    private static EntityRef Ref(EntitySummary entity) => new(entity.Id, entity.Name, entity.Category);

    private static ValidationProblem Invalid(QueryParameters parameters) =>
        TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
}

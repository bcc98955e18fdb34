using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>The query API handlers: thin adapters from query strings to <see cref="IArticleQueries"/>, mapped by both hosts.</summary>
public static class QueryApiEndpoints
{
    /// <summary>Categories left out of rankings unless asked for by name: dates, numbers and role nouns ("officials").</summary>
    internal static readonly string[] UnnamedCategories = ["DateTime", "Quantity", "PersonType"];

    public static async Task<Results<CachedJson<Page<ArticleSummary>>, StatusCodeHttpResult, ValidationProblem>> ListArticlesAsync(
        HttpRequest request, IArticleQueries queries, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListArticles);
        var query = ParseArticleQuery(parameters);
        var entity = parameters.String("entity");
        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
        }

        try
        {
            var answer = await cache.GetAsync(request, async ct =>
            {
                if (entity is null)
                {
                    return await queries.ListArticlesAsync(query, ct);
                }

                var entityId = await ResolveEntityIdAsync(entity, queries, ct);
                return entityId is null ? new Page<ArticleSummary>([], null) : await queries.ListArticlesAsync(query with { EntityId = entityId }, ct);
            }, cancellationToken);
            return CachedResults.IsNotModified(request, answer) ? CachedResults.NotModified() : answer.Json(answer.Value);
        }
        catch (InvalidContinuationTokenException ex)
        {
            return InvalidToken(ex);
        }
    }

    public static async Task<Results<Ok<ArticleDetails>, ProblemHttpResult, ValidationProblem>> GetArticleAsync(
        [Description(QueryApiParameters.ArticleIdDescription)] string id, IArticleQueries queries, CancellationToken cancellationToken)
    {
        if (!ArticleId.IsValid(id))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["id"] = ["'id' must be an article id: 16 lowercase hexadecimal characters."] },
                title: "Invalid article id");
        }

        var record = await queries.GetArticleAsync(id, cancellationToken);
        return record is null
            ? TypedResults.Problem(title: "Article not found", detail: $"No article with id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ArticleDetails.From(record));
    }

    public static async Task<Results<CachedJson<EntityList>, StatusCodeHttpResult, ValidationProblem>> ListEntitiesAsync(
        HttpRequest request, IArticleQueries queries, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListEntities);
        var query = new EntityQuery
        {
            Category = parameters.String("category"),
            Source = parameters.String("source"),
            From = parameters.Date("from"),
            To = parameters.Date("to"),
            Top = parameters.Int("top"),
        };
        parameters.RequireOrdered("from", query.From, "to", query.To);
        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
        }

        // Without a category the leaderboard is of named things: dates, numbers and role nouns ("officials")
        // would crowd out the people and organizations coverage is about. Ask for them by category.
        if (query.Category is null)
        {
            query = query with { ExcludedCategories = UnnamedCategories };
        }

        var answer = await cache.GetAsync(request, async ct => new EntityList(await queries.ListEntitiesAsync(query, ct)), cancellationToken);
        return CachedResults.IsNotModified(request, answer) ? CachedResults.NotModified() : answer.Json(answer.Value);
    }

    public static async Task<Results<Ok<EntitySummary>, ProblemHttpResult>> GetEntityAsync(
        [Description(QueryApiParameters.EntityIdDescription)] string id, IArticleQueries queries, CancellationToken cancellationToken)
    {
        var entityId = await ResolveEntityIdAsync(id, queries, cancellationToken);
        var entity = entityId is null ? null : await queries.GetEntityAsync(entityId, cancellationToken);
        return entity is null ? CachedResults.EntityNotFound(id) : TypedResults.Ok(entity);
    }

    public static async Task<Results<CachedJson<Page<ArticleSummary>>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListEntityArticlesAsync(
        [Description(QueryApiParameters.EntityIdDescription)] string id, HttpRequest request, IArticleQueries queries, QueryCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListEntityArticles);
        var query = ParseArticleQuery(parameters);
        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
        }

        try
        {
            var answer = await cache.GetAsync(request, async ct =>
                await ResolveEntityIdAsync(id, queries, ct) is { } entityId
                    ? Lookup<Page<ArticleSummary>>.Found(await queries.ListArticlesAsync(query with { EntityId = entityId }, ct))
                    : Lookup<Page<ArticleSummary>>.NotFound(id), cancellationToken);
            return CachedResults.Found(request, answer);
        }
        catch (InvalidContinuationTokenException ex)
        {
            return InvalidToken(ex);
        }
    }

    private static ArticleQuery ParseArticleQuery(QueryParameters parameters)
    {
        var query = new ArticleQuery
        {
            From = parameters.Date("from"),
            To = parameters.Date("to"),
            Source = parameters.String("source"),
            Sentiment = parameters.Sentiment("sentiment"),
            Language = parameters.Language("language"),
            Status = parameters.Status("status"),
            Top = parameters.Int("top"),
            ContinuationToken = parameters.String("continuationToken"),
        };
        parameters.RequireOrdered("from", query.From, "to", query.To);
        return query;
    }

    private static ValidationProblem InvalidToken(InvalidContinuationTokenException ex) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = [ex.Message] }, title: "Invalid query parameters");

    /// <summary>Accepts an entity id ("person-bernie-sanders") or a plain name ("Bernie Sanders").</summary>
    private static async Task<string?> ResolveEntityIdAsync(string value, IArticleQueries queries, CancellationToken cancellationToken) =>
        (await EntityLookup.FindAsync(value, null, queries, cancellationToken))?.Id;
}

using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>The query API handlers: thin adapters from query strings to <see cref="IArticleQueries"/>, mapped by both hosts.</summary>
public static class QueryApiEndpoints
{
    private static readonly string[] UnnamedCategories = ["DateTime", "Quantity", "PersonType"];

    public static async Task<Results<Ok<Page<ArticleSummary>>, ValidationProblem>> ListArticlesAsync(
        HttpRequest request, IArticleQueries queries, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListArticles);
        var query = ParseArticleQuery(parameters);
        var entity = parameters.String("entity");
        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
        }

        if (entity is not null)
        {
            var entityId = await ResolveEntityIdAsync(entity, queries, cancellationToken);
            if (entityId is null)
            {
                return TypedResults.Ok(new Page<ArticleSummary>([], null));
            }

            query = query with { EntityId = entityId };
        }

        var (page, problem) = await TryListAsync(query, queries, cancellationToken);
        return page is not null ? TypedResults.Ok(page) : problem!;
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

    public static async Task<Results<Ok<EntityList>, ValidationProblem>> ListEntitiesAsync(
        HttpRequest request, IArticleQueries queries, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListEntities);
        var query = new EntityQuery
        {
            Category = parameters.String("category"),
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

        return TypedResults.Ok(new EntityList(await queries.ListEntitiesAsync(query, cancellationToken)));
    }

    public static async Task<Results<Ok<EntitySummary>, ProblemHttpResult>> GetEntityAsync(
        [Description(QueryApiParameters.EntityIdDescription)] string id, IArticleQueries queries, CancellationToken cancellationToken)
    {
        var entityId = await ResolveEntityIdAsync(id, queries, cancellationToken);
        var entity = entityId is null ? null : await queries.GetEntityAsync(entityId, cancellationToken);
        return entity is null
            ? TypedResults.Problem(title: "Entity not found", detail: $"No stored article mentions '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(entity);
    }

    public static async Task<Results<Ok<Page<ArticleSummary>>, ProblemHttpResult, ValidationProblem>> ListEntityArticlesAsync(
        [Description(QueryApiParameters.EntityIdDescription)] string id, HttpRequest request, IArticleQueries queries, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Query, QueryApiParameters.ListEntityArticles);
        var query = ParseArticleQuery(parameters);
        if (!parameters.IsValid)
        {
            return TypedResults.ValidationProblem(parameters.Errors, title: "Invalid query parameters");
        }

        var entityId = await ResolveEntityIdAsync(id, queries, cancellationToken);
        if (entityId is null)
        {
            return TypedResults.Problem(title: "Entity not found", detail: $"No stored article mentions '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var (page, problem) = await TryListAsync(query with { EntityId = entityId }, queries, cancellationToken);
        return page is not null ? TypedResults.Ok(page) : problem!;
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

    private static async Task<(Page<ArticleSummary>? Page, ValidationProblem? Problem)> TryListAsync(
        ArticleQuery query, IArticleQueries queries, CancellationToken cancellationToken)
    {
        try
        {
            return (await queries.ListArticlesAsync(query, cancellationToken), null);
        }
        catch (InvalidContinuationTokenException ex)
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["continuationToken"] = [ex.Message] },
                title: "Invalid query parameters"));
        }
    }

    /// <summary>Accepts an entity id ("person-bernie-sanders") or a plain name ("Bernie Sanders").</summary>
    private static async Task<string?> ResolveEntityIdAsync(string value, IArticleQueries queries, CancellationToken cancellationToken)
    {
        if (IsIdShaped(value) && await queries.GetEntityAsync(value, cancellationToken) is not null)
        {
            return value;
        }

        var matches = await queries.FindEntitiesByNameAsync(value, cancellationToken);
        return matches.Count > 0 ? matches[0].Id : null;
    }

    private static bool IsIdShaped(string value) =>
        value.Length is > 2 and <= 250 && value.Contains('-', StringComparison.Ordinal) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Api;
using Pipeline.Api.Dashboard;
using Pipeline.Api.Health;
using Pipeline.Api.Queries;
using Pipeline.Core.Queries;

namespace Pipeline.Functions;

/// <summary>
/// One HTTP function per route of <see cref="PipelineApi.MapPipelineApi"/>, named like its endpoint and calling
/// the same handler. Every one but health needs a function key (x-functions-key header or code parameter).
/// </summary>
public sealed class ApiFunctions(IArticleQueries queries, HealthProbe health)
{
    [Function(ApiRoutes.ListArticles)]
    public Task<Results<Ok<Page<ArticleSummary>>, ValidationProblem>> ListArticlesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request) =>
        QueryApiEndpoints.ListArticlesAsync(request, queries, Aborted(request));

    [Function(ApiRoutes.GetArticle)]
    public Task<Results<Ok<ArticleDetails>, ProblemHttpResult, ValidationProblem>> GetArticleAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request, string id) =>
        QueryApiEndpoints.GetArticleAsync(id, queries, Aborted(request));

    [Function(ApiRoutes.ListEntities)]
    public Task<Results<Ok<EntityList>, ValidationProblem>> ListEntitiesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities")] HttpRequest request) =>
        QueryApiEndpoints.ListEntitiesAsync(request, queries, Aborted(request));

    [Function(ApiRoutes.GetEntity)]
    public Task<Results<Ok<EntitySummary>, ProblemHttpResult>> GetEntityAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{id}")] HttpRequest request, string id) =>
        QueryApiEndpoints.GetEntityAsync(id, queries, Aborted(request));

    [Function(ApiRoutes.ListEntityArticles)]
    public Task<Results<Ok<Page<ArticleSummary>>, ProblemHttpResult, ValidationProblem>> ListEntityArticlesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{id}/articles")] HttpRequest request, string id) =>
        QueryApiEndpoints.ListEntityArticlesAsync(id, request, queries, Aborted(request));

    [Function(ApiRoutes.Health)]
    public Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        HealthEndpoints.GetHealth(health);

    [Function(ApiRoutes.Dashboard)]
    public static FileContentHttpResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request) =>
        DashboardEndpoints.GetPage();

    private static CancellationToken Aborted(HttpRequest request) => request.HttpContext.RequestAborted;
}

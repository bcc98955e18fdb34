using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Api;
using Pipeline.Api.Dashboard;
using Pipeline.Api.Docs;
using Pipeline.Api.Health;
using Pipeline.Api.Queries;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;

namespace Pipeline.Functions;

/// <summary>
/// One HTTP function per route of <see cref="PipelineApi.MapPipelineApi"/>, named like its endpoint and calling
/// the same handler. Every one but health and the OpenAPI document needs a function key (x-functions-key header or code parameter).
/// </summary>
public sealed class ApiFunctions(IArticleQueries queries, CoverageQueries coverage, QueryCache cache, HealthProbe health)
{
    [Function(ApiRoutes.ListArticles)]
    public Task<Results<CachedJson<Page<ArticleSummary>>, StatusCodeHttpResult, ValidationProblem>> ListArticlesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request) =>
        QueryApiEndpoints.ListArticlesAsync(request, queries, cache, Aborted(request));

    [Function(ApiRoutes.GetArticle)]
    public Task<Results<Ok<ArticleDetails>, ProblemHttpResult, ValidationProblem>> GetArticleAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request, string id) =>
        QueryApiEndpoints.GetArticleAsync(id, queries, Aborted(request));

    [Function(ApiRoutes.ListEntities)]
    public Task<Results<CachedJson<EntityList>, StatusCodeHttpResult, ValidationProblem>> ListEntitiesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities")] HttpRequest request) =>
        QueryApiEndpoints.ListEntitiesAsync(request, queries, cache, Aborted(request));

    [Function(ApiRoutes.GetEntity)]
    public Task<Results<Ok<EntitySummary>, ProblemHttpResult>> GetEntityAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{id}")] HttpRequest request, string id) =>
        QueryApiEndpoints.GetEntityAsync(id, queries, Aborted(request));

    [Function(ApiRoutes.ListEntityArticles)]
    public Task<Results<CachedJson<Page<ArticleSummary>>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListEntityArticlesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{id}/articles")] HttpRequest request, string id) =>
        QueryApiEndpoints.ListEntityArticlesAsync(id, request, queries, cache, Aborted(request));

    [Function(ApiRoutes.ListEntitySources)]
    public Task<Results<CachedJson<EntitySources>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListEntitySourcesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{id}/sources")] HttpRequest request, string id) =>
        CoverageEndpoints.ListEntitySourcesAsync(id, request, queries, coverage, cache, Aborted(request));

    [Function(ApiRoutes.ListCoMentions)]
    public Task<Results<CachedJson<CoMentionList>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> ListCoMentionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{id}/co-mentions")] HttpRequest request, string id) =>
        CoverageEndpoints.ListCoMentionsAsync(id, request, queries, coverage, cache, Aborted(request));

    [Function(ApiRoutes.GetTimeline)]
    public Task<Results<CachedJson<Timeline>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetTimelineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "timeline")] HttpRequest request) =>
        CoverageEndpoints.GetTimelineAsync(request, queries, coverage, cache, Aborted(request));

    [Function(ApiRoutes.ListSources)]
    public Task<Results<CachedJson<SourceList>, StatusCodeHttpResult, ValidationProblem>> ListSourcesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sources")] HttpRequest request) =>
        CoverageEndpoints.ListSourcesAsync(request, coverage, cache, Aborted(request));

    [Function(ApiRoutes.GetStatus)]
    public Task<Results<Ok<CorpusStatus>, ValidationProblem>> GetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request) =>
        CoverageEndpoints.GetStatusAsync(request, coverage, cache, health, Aborted(request));

    [Function(ApiRoutes.Health)]
    public Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        HealthEndpoints.GetHealth(health);

    [Function(ApiRoutes.Dashboard)]
    public static FileContentHttpResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request) =>
        DashboardEndpoints.GetPage();

    /// <summary>The server's OpenAPI document (this app serves the same routes); readable without a key, as it holds no data.</summary>
    [Function(ApiRoutes.GetOpenApiDocument)]
    public static Results<FileContentHttpResult, NotFound> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request, string documentName) =>
        PublishedApiDocument.Get(documentName);

    private static CancellationToken Aborted(HttpRequest request) => request.HttpContext.RequestAborted;
}

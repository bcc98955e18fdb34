using Pipeline.Api.Dashboard;
using Pipeline.Api.Health;
using Pipeline.Api.Queries;

namespace Pipeline.Api;

/// <summary>
/// The HTTP surface both hosts serve, under /api. Each endpoint's name is the name of the Functions app's HTTP
/// function for the same route, which calls the same handler.
/// </summary>
public static class PipelineApi
{
    public const string RoutePrefix = "api";

    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + RoutePrefix);

        var articles = api.MapGroup("").WithTags("Articles");
        articles.MapGet("/articles", QueryApiEndpoints.ListArticlesAsync)
            .WithName(ApiRoutes.ListArticles).WithSummary("Articles, newest first, filtered and paged")
            .WithQueryParameters(QueryApiParameters.ListArticles).Produces(StatusCodes.Status304NotModified);
        articles.MapGet("/articles/{id}", QueryApiEndpoints.GetArticleAsync)
            .WithName(ApiRoutes.GetArticle).WithSummary("One article with everything its analysis produced")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var entities = api.MapGroup("").WithTags("Entities");
        entities.MapGet("/entities", QueryApiEndpoints.ListEntitiesAsync)
            .WithName(ApiRoutes.ListEntities).WithSummary("Entity leaderboard with the average sentiment toward each")
            .WithQueryParameters(QueryApiParameters.ListEntities).Produces(StatusCodes.Status304NotModified);
        entities.MapGet("/entities/{id}", QueryApiEndpoints.GetEntityAsync)
            .WithName(ApiRoutes.GetEntity).WithSummary("One entity's totals, by id or name")
            .ProducesProblem(StatusCodes.Status404NotFound);
        entities.MapGet("/entities/{id}/articles", QueryApiEndpoints.ListEntityArticlesAsync)
            .WithName(ApiRoutes.ListEntityArticles).WithSummary("Articles mentioning the entity, newest first, with its mentions and the tone toward it in each")
            .WithQueryParameters(QueryApiParameters.ListEntityArticles).ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        entities.MapGet("/entities/{id}/sources", CoverageEndpoints.ListEntitySourcesAsync)
            .WithName(ApiRoutes.ListEntitySources).WithSummary("Tone toward the entity by outlet: articles, mentions, average tone and its spread")
            .WithQueryParameters(QueryApiParameters.ListEntitySources).ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        entities.MapGet("/entities/{id}/co-mentions", CoverageEndpoints.ListCoMentionsAsync)
            .WithName(ApiRoutes.ListCoMentions).WithSummary("Who appears with the entity most, and the tone toward them there")
            .WithQueryParameters(QueryApiParameters.ListCoMentions).ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);

        var coverage = api.MapGroup("").WithTags("Coverage");
        coverage.MapGet("/timeline", CoverageEndpoints.GetTimelineAsync)
            .WithName(ApiRoutes.GetTimeline).WithSummary("Article volume and tone toward one or more entities per day, week or month")
            .WithQueryParameters(QueryApiParameters.Timeline).ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        coverage.MapGet("/sources", CoverageEndpoints.ListSourcesAsync)
            .WithName(ApiRoutes.ListSources).WithSummary("Outlets with their article counts and average document tone")
            .WithQueryParameters(QueryApiParameters.ListSources).Produces(StatusCodes.Status304NotModified);

        api.MapGet("/status", CoverageEndpoints.GetStatusAsync)
            .WithName(ApiRoutes.GetStatus).WithSummary("The stored corpus: processed, unscored, failed, undated, last processed; and pending work").WithTags("Operations")
            .WithQueryParameters(QueryApiParameters.None);
        api.MapGet("/health", HealthEndpoints.GetHealth)
            .WithName(ApiRoutes.Health).WithSummary("Ready once storage is initialized").WithTags("Operations")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        api.MapGet("/dashboard", DashboardEndpoints.GetPage)
            .WithName(ApiRoutes.Dashboard).WithSummary("The dashboard page").WithTags("Operations")
            .ExcludeFromDescription();

        app.MapGet("/", () => TypedResults.Redirect("/" + RoutePrefix + "/dashboard")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

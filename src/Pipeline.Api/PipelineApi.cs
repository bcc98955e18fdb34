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
            .WithName(ApiRoutes.ListArticles).WithSummary("Articles, newest first, filtered and paged");
        articles.MapGet("/articles/{id}", QueryApiEndpoints.GetArticleAsync)
            .WithName(ApiRoutes.GetArticle).WithSummary("One article with everything its analysis produced");

        var entities = api.MapGroup("").WithTags("Entities");
        entities.MapGet("/entities", QueryApiEndpoints.ListEntitiesAsync)
            .WithName(ApiRoutes.ListEntities).WithSummary("Entity leaderboard with the average sentiment toward each");
        entities.MapGet("/entities/{id}", QueryApiEndpoints.GetEntityAsync)
            .WithName(ApiRoutes.GetEntity).WithSummary("One entity's totals, by id or name");
        entities.MapGet("/entities/{id}/articles", QueryApiEndpoints.ListEntityArticlesAsync)
            .WithName(ApiRoutes.ListEntityArticles).WithSummary("Articles mentioning the entity, newest first, with its mentions and the tone toward it in each");
        entities.MapGet("/entities/{id}/sources", CoverageEndpoints.ListEntitySourcesAsync)
            .WithName(ApiRoutes.ListEntitySources).WithSummary("Tone toward the entity by outlet: articles, mentions, average tone and its spread");
        entities.MapGet("/entities/{id}/co-mentions", CoverageEndpoints.ListCoMentionsAsync)
            .WithName(ApiRoutes.ListCoMentions).WithSummary("Who appears with the entity most, and the tone toward them there");

        var coverage = api.MapGroup("").WithTags("Coverage");
        coverage.MapGet("/timeline", CoverageEndpoints.GetTimelineAsync)
            .WithName(ApiRoutes.GetTimeline).WithSummary("Article volume and tone toward one or more entities per day, week or month");
        coverage.MapGet("/sources", CoverageEndpoints.ListSourcesAsync)
            .WithName(ApiRoutes.ListSources).WithSummary("Outlets with their article counts and average document tone");

        api.MapGet("/status", CoverageEndpoints.GetStatusAsync)
            .WithName(ApiRoutes.GetStatus).WithSummary("The stored corpus: processed, unscored, failed, undated, last processed; and pending work").WithTags("Operations");
        api.MapGet("/health", HealthEndpoints.GetHealth)
            .WithName(ApiRoutes.Health).WithSummary("Ready once storage is initialized").WithTags("Operations")
            .AllowAnonymous();
        api.MapGet("/dashboard", DashboardEndpoints.GetPage)
            .WithName(ApiRoutes.Dashboard).WithSummary("The dashboard page").WithTags("Operations")
            .ExcludeFromDescription();

        app.MapGet("/", () => TypedResults.Redirect("/" + RoutePrefix + "/dashboard")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

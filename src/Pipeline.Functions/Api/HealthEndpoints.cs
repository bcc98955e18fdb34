using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pipeline.Analysis;
using Pipeline.Functions.Hosting;
using Pipeline.Functions.Watcher;

namespace Pipeline.Functions.Api;

public static class HealthEndpoints
{
    /// <summary>GET /api/health: 200 once storage is initialized, 503 before; GET / answers the Functions host's readiness probe.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth);
        app.MapGet("/", () => TypedResults.Redirect("/api/dashboard")).ExcludeFromDescription();
        return app;
    }

    internal static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> GetHealth(
        Readiness readiness, IOptions<AnalysisOptions> analysis, IServiceProvider services)
    {
        var watcher = services.GetService<WatcherStatus>() is { } w
            ? new WatcherReport(w.InitialSweepDone, w.LastSweep, w.NextListingIn.TotalSeconds, w.Events, w.Pending, w.Processed, w.Failed, w.Deleted, w.Retries)
            : null;
        var analyzer = analysis.Value.Provider.ToString();
        return readiness.IsReady
            ? TypedResults.Ok(new HealthReport("ready", analyzer, watcher))
            : TypedResults.Json(new HealthReport("starting", analyzer, watcher), ApiJsonContext.Default.HealthReport, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

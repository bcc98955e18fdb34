using Microsoft.AspNetCore.Http.HttpResults;

namespace Pipeline.Api.Health;

public static class HealthEndpoints
{
    /// <summary>GET /api/health: 200 once storage is initialized, 503 before.</summary>
    public static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> GetHealth(HealthProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var report = probe.Report();
        return probe.IsReady
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, ApiJsonContext.Default.HealthReport, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

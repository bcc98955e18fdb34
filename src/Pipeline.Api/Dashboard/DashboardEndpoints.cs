using Microsoft.AspNetCore.Http.HttpResults;

namespace Pipeline.Api.Dashboard;

public static class DashboardEndpoints
{
    /// <summary>GET /api/dashboard: one self-contained page over the query API (same path on both hosts).</summary>
    public static FileContentHttpResult GetPage() => TypedResults.Bytes(DashboardPage.Bytes, "text/html; charset=utf-8");
}

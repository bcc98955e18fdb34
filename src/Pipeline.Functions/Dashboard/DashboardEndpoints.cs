using System.Reflection;

namespace Pipeline.Functions.Dashboard;

public static class DashboardEndpoints
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Functions.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("dashboard.html is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>GET /api/dashboard: one self-contained page over the query API (same path locally and behind the Functions host).</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", () => TypedResults.Bytes(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pipeline.Api.Dashboard;

public static class DashboardEndpoints
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Api.Dashboard.dashboard.html")
            ?? throw new InvalidOperationException("dashboard.html is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>GET /api/dashboard: one self-contained page over the query API (same path on both hosts).</summary>
    public static FileContentHttpResult GetPage() => TypedResults.Bytes(Page.Value, "text/html; charset=utf-8");
}

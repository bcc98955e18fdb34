using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Api.Dashboard;

/// <summary>
/// The dashboard as one response: dashboard.html with its style and scripts (Chart.js from npm, then ours) inlined,
/// under a Content-Security-Policy that allows exactly those inline blocks (by hash) and calls to this origin only.
/// One response, so a page opened with ?code=KEY needs no key for assets, and both hosts serve it from one route.
/// </summary>
internal static class DashboardPage
{
    /// <summary>Scripts in load order: the library first, then ours (plain scripts sharing one global scope).</summary>
    internal static readonly string[] Scripts = ["chart.umd.min.js", "format.js", "api.js", "charts.js", "article.js", "dashboard.js"];

    internal const string Styles = "dashboard.css";

    private static readonly Lazy<byte[]> Composed = new(() => Encoding.UTF8.GetBytes(Compose(Read)));

    public static byte[] Bytes => Composed.Value;

    /// <summary>Fills the template's {{csp}}, {{style}} and {{scripts}} from <paramref name="read"/> (resource name to text).</summary>
    internal static string Compose(Func<string, string> read)
    {
        var style = read(Styles);
        var scripts = Scripts.Select(read).ToList();
        foreach (var (name, text) in Scripts.Zip(scripts))
        {
            // An inline script ends at the first "</script", wherever it is: such a file cannot be inlined as is.
            if (text.Contains("</script", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{name} contains '</script' and cannot be inlined into the dashboard.");
            }
        }

        var csp = string.Join("; ",
            "default-src 'none'",
            "script-src " + string.Join(' ', scripts.Select(Hash)),
            "style-src " + Hash(style),
            "connect-src 'self'",
            "img-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'");
        return read("dashboard.html")
            .Replace("{{csp}}", csp, StringComparison.Ordinal)
            .Replace("{{style}}", "<style>" + style + "</style>", StringComparison.Ordinal)
            .Replace("{{scripts}}", string.Concat(scripts.Select(s => "<script>" + s + "</script>\n")), StringComparison.Ordinal);
    }

    /// <summary>A CSP source expression that allows exactly this inline block.</summary>
    internal static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Api.Dashboard." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in Pipeline.Api (for chart.umd.min.js: run `npm ci`, then build).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Functions.Tests;

/// <summary>The Functions app serves the same self-contained page: the charting library inside it, under its policy.</summary>
public sealed class DashboardFunctionTests
{
    [Fact]
    public void Dashboard_FunctionsHost_ServesThePageWithChartJsInlinedUnderItsPolicy()
    {
        var result = ApiFunctions.Dashboard(new DefaultHttpContext().Request);

        var page = Encoding.UTF8.GetString(result.FileContents.Span);
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.Contains("Chart.js v4.", page, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", page, StringComparison.Ordinal); // nothing fetched from elsewhere, no key needed for assets
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Api.Dashboard;

namespace Pipeline.Api.Tests.Dashboard;

public sealed partial class DashboardPageTests
{
    [Fact]
    public void Bytes_EmbeddedPage_InlinesChartJsAndEveryScriptUnderTheCspHashes()
    {
        var page = Encoding.UTF8.GetString(DashboardPage.Bytes);

        Assert.DoesNotContain("{{", page, StringComparison.Ordinal);
        Assert.Contains("Chart.js v4.", page, StringComparison.Ordinal);
        var csp = CspMeta().Match(page).Groups[1].Value;
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        var scripts = InlineScript().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(DashboardPage.Scripts.Length, scripts.Count);
        Assert.All(scripts, s => Assert.Contains(DashboardPage.Hash(s), csp, StringComparison.Ordinal));
        Assert.Contains(DashboardPage.Hash(InlineStyle().Match(page).Groups[1].Value), csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ScriptContainingClosingScriptTag_Throws()
    {
        string Read(string name) => name switch
        {
            "dashboard.html" => "<head><meta content=\"{{csp}}\">{{style}}</head><body>{{scripts}}</body>",
            "dashboard.js" => "const s = '</SCRIPT>';",
            _ => "",
        };

        var error = Assert.Throws<InvalidOperationException>(() => DashboardPage.Compose(Read));
        Assert.Contains("dashboard.js", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Template_FillsCspStyleAndScriptsInOrder()
    {
        string Read(string name) => name switch
        {
            "dashboard.html" => "<meta content=\"{{csp}}\">{{style}}|{{scripts}}",
            "dashboard.css" => "b{}",
            _ => "/*" + name + "*/",
        };

        var page = DashboardPage.Compose(Read);

        Assert.Contains("<style>b{}</style>|<script>/*chart.umd.min.js*/</script>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("format.js", StringComparison.Ordinal) < page.IndexOf("dashboard.js*/", StringComparison.Ordinal));
        Assert.Contains("style-src " + DashboardPage.Hash("b{}"), page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")]
    private static partial Regex CspMeta();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();
}

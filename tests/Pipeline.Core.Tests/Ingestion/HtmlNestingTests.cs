using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

public sealed class HtmlNestingTests
{
    private static string Repeat(string markup, int count) => string.Concat(Enumerable.Repeat(markup, count));

    [Fact]
    public void IsDeeperThan_UnclosedDivs_CountedAsNesting()
    {
        Assert.True(HtmlNesting.IsDeeperThan(Repeat("<div>", 101), 100));
        Assert.False(HtmlNesting.IsDeeperThan(Repeat("<div>", 100), 100));
    }

    [Fact]
    public void IsDeeperThan_ClosedSiblings_NotDeep()
    {
        Assert.False(HtmlNesting.IsDeeperThan(Repeat("<div><span>text</span></div>", 10_000), 100));
    }

    [Theory]
    [InlineData("<p>Unclosed paragraph")]
    [InlineData("<li>Unclosed item")]
    [InlineData("<td>Cell")]
    [InlineData("<a href=\"/x\">Link")]
    [InlineData("<br><img src=\"a.png\"><hr>")]
    public void IsDeeperThan_ElementsThatCloseThemselves_NotDeep(string markup)
    {
        Assert.False(HtmlNesting.IsDeeperThan(Repeat(markup, 10_000), 100));
    }

    [Fact]
    public void IsDeeperThan_SlashClosedHtmlElements_StillOpen()
    {
        // In HTML "<div/>" opens a div; only SVG and MathML elements close themselves with "/>".
        Assert.True(HtmlNesting.IsDeeperThan(Repeat("<div/>", 200), 100));
        Assert.False(HtmlNesting.IsDeeperThan("<svg>" + Repeat("<path d=\"M0\"/>", 200) + "</svg>", 100));
    }

    [Fact]
    public void IsDeeperThan_TagsInScriptsAndComments_NotCounted()
    {
        var html = "<script>var s = '" + Repeat("<div>", 500) + "';</script><!-- " + Repeat("<div>", 500) + " --><p>Text</p>";

        Assert.False(HtmlNesting.IsDeeperThan(html, 100));
    }
}

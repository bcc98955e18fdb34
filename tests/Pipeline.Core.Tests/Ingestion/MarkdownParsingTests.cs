namespace Pipeline.Core.Tests.Ingestion;

public sealed class MarkdownParsingTests
{
    private static RawArticleBuilder Markdown(string text) => RawArticleBuilder.Text(text).Named("story.md");

    [Fact]
    public void Parse_FirstHashHeading_IsTitleAndRemovedFromBody()
    {
        var parsed = Markdown("# Governor Pell Signs Transit Bill\n\nThe bill funds *three* new lines.").Parse();

        Assert.Equal("md", parsed.Format);
        Assert.Equal("Governor Pell Signs Transit Bill", parsed.Title);
        Assert.Equal("The bill funds three new lines.", parsed.Body);
    }

    [Fact]
    public void Parse_FrontMatter_FieldsHonoured()
    {
        var parsed = Markdown("""
            ---
            title: "Transit Bill Signed"
            url: https://www.capitolwire.example/transit
            source: Capitol Wire
            author: Rosa Benton
            date: 2026-04-09T08:00:00Z
            ---
            # A different heading

            The bill funds new lines.
            """).Parse();

        Assert.Equal("Transit Bill Signed", parsed.Title);
        Assert.Equal("https://www.capitolwire.example/transit", parsed.Url);
        Assert.Equal("Capitol Wire", parsed.Source);
        Assert.Equal("Rosa Benton", parsed.Author);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 8, 0, 0, TimeSpan.Zero), parsed.PublishedAt);
        Assert.Equal("A different heading\n\nThe bill funds new lines.", parsed.Body);
    }

    [Fact]
    public void Parse_InlineMarkup_Stripped()
    {
        var parsed = Markdown(
            "# T\n\nRead the [full bill](https://example.com/bill \"Bill\") and ![a chart](chart.png) see **bold**, __strong__, _italic_, `code`, ~~old~~ and snake_case_name.").Parse();

        Assert.Equal("Read the full bill and see bold, strong, italic, code, old and snake_case_name.", parsed.Body);
    }

    [Fact]
    public void Parse_BlockMarkup_Stripped()
    {
        var parsed = Markdown("""
            # T

            > A quoted
            > remark.

            - first item
            * second item
            1. third item

            ---

            ## Background

            Soft wrapped
            paragraph text.

            [ref]: https://example.com
            """).Parse();

        Assert.Equal("A quoted remark.\n\nfirst item\n\nsecond item\n\nthird item\n\nBackground\n\nSoft wrapped paragraph text.", parsed.Body);
    }

    [Fact]
    public void Parse_NoHeadingNoFrontMatter_FirstLineHeadlineRuleApplies()
    {
        var parsed = Markdown("Transit Bill Signed\n\nThe bill funds *new* lines.").Parse();

        Assert.Equal("Transit Bill Signed", parsed.Title);
        Assert.Equal("The bill funds new lines.", parsed.Body);
    }
}

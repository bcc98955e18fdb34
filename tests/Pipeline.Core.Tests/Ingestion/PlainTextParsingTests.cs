namespace Pipeline.Core.Tests.Ingestion;

public sealed class PlainTextParsingTests
{
    [Fact]
    public void Parse_TitleLineBlankLineParagraphs_SplitsTitleAndBody()
    {
        var parsed = RawArticleBuilder.Text(
            "Harbor City Council Approves Ferry Budget\n\nThe council voted 7-2 on Monday.\n\nMayor Lena Ortiz called it a fair deal.\n").Parse();

        Assert.Equal("txt", parsed.Format);
        Assert.Equal("Harbor City Council Approves Ferry Budget", parsed.Title);
        Assert.False(parsed.IsTitleDerived);
        Assert.Equal("The council voted 7-2 on Monday.\n\nMayor Lena Ortiz called it a fair deal.", parsed.Body);
        Assert.Equal(parsed.Title + "\n\n" + parsed.Body, parsed.Text);
    }

    [Fact]
    public void Parse_CrLfAndBlankLineRunsAndTrailingSpaces_Normalised()
    {
        var parsed = RawArticleBuilder.Text("Title here\r\n\r\n\r\n\r\nFirst paragraph.   \r\n\r\n\r\n\r\nSecond\u00A0paragraph.\t \r\n").Parse();

        Assert.Equal("First paragraph.\n\nSecond paragraph.", parsed.Body);
    }

    [Fact]
    public void Parse_CurlyQuotes_KeptAsWritten()
    {
        var parsed = RawArticleBuilder.Text("Ortiz’s “bold” plan\n\nShe said “we’re ready” — and meant it.").Parse();

        Assert.Equal("Ortiz’s “bold” plan", parsed.Title);
        Assert.Equal("She said “we’re ready” — and meant it.", parsed.Body);
    }

    [Fact]
    public void Parse_LinesInsideParagraph_KeepSingleLineBreaks()
    {
        var parsed = RawArticleBuilder.Text("A headline\n\nLine one of a list,\nline two of the list.").Parse();

        Assert.Equal("Line one of a list,\nline two of the list.", parsed.Body);
    }
}

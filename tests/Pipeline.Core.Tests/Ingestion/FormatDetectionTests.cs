namespace Pipeline.Core.Tests.Ingestion;

public sealed class FormatDetectionTests
{
    private const string Html = "<html><head><title>Ferry vote</title></head><body><p>The council voted on Monday.</p></body></html>";
    private const string Json = """{"title":"Ferry vote","body":"The council voted on Monday."}""";
    private const string Markdown = "# Ferry vote\n\nThe council *voted* on Monday.";
    private const string Text = "Ferry vote\n\nThe council voted on Monday.";

    [Theory]
    [InlineData("text/html; charset=utf-8", Html, "html")]
    [InlineData("application/json", Json, "json")]
    [InlineData("text/markdown", Markdown, "md")]
    [InlineData("text/plain", Text, "txt")]
    public void Parse_ContentType_DecidesFormat(string contentType, string content, string expected)
    {
        var parsed = RawArticleBuilder.Text(content).Named("upload.bin").WithContentType(contentType).Parse();

        Assert.Equal(expected, parsed.Format);
        Assert.Equal("Ferry vote", parsed.Title);
    }

    [Fact]
    public void Parse_ContentTypeConflictsWithExtension_ContentTypeWins()
    {
        var parsed = RawArticleBuilder.Text("# Ferry vote\n\nThe council voted.").Named("story.md").WithContentType("text/plain").Parse();

        Assert.Equal("txt", parsed.Format);
        Assert.Equal("# Ferry vote", parsed.Title);
    }

    [Theory]
    [InlineData("story.html", Html, "html")]
    [InlineData("story.HTM", Html, "html")]
    [InlineData("story.json", Json, "json")]
    [InlineData("story.md", Markdown, "md")]
    [InlineData("story.markdown", Markdown, "md")]
    [InlineData("story.txt", Text, "txt")]
    public void Parse_GenericContentType_ExtensionDecides(string name, string content, string expected)
    {
        var parsed = RawArticleBuilder.Text(content).Named(name).WithContentType("application/octet-stream").Parse();

        Assert.Equal(expected, parsed.Format);
    }

    [Theory]
    [InlineData(Html, "html")]
    [InlineData(Json, "json")]
    [InlineData(Markdown, "md")]
    [InlineData("---\ntitle: Ferry vote\n---\nThe council voted on Monday.", "md")]
    [InlineData(Text, "txt")]
    public void Parse_NoContentTypeNoExtension_SniffsContent(string content, string expected)
    {
        var parsed = RawArticleBuilder.Text(content).Named("incoming/story").Parse();

        Assert.Equal(expected, parsed.Format);
        Assert.Equal("Ferry vote", parsed.Title);
    }

    [Fact]
    public void Parse_NoHintsTextStartingWithBracketedCredit_SniffedAsText()
    {
        var parsed = RawArticleBuilder.Text("[Photo by Pia Lund/Getty Images]\n\nFerry vote\n\nThe council voted on Monday.").Named("incoming/story").Parse();

        Assert.Equal("txt", parsed.Format);
        Assert.Equal("Ferry vote", parsed.Title);
    }

    [Fact]
    public void Parse_NoHintsJsonArray_SniffedAsJsonAndRejectedAsNotAnObject()
    {
        var message = RawArticleBuilder.Text("[ {\"title\": \"Ferry vote\"} ]").Named("incoming/story").Rejection();

        Assert.Contains("must be an object", message);
    }
}

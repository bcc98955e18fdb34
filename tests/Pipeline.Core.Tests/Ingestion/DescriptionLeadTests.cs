namespace Pipeline.Core.Tests.Ingestion;

public sealed class DescriptionLeadTests
{
    private const string Story =
        "The council approved the ferry contract on Monday, after a debate that ran past midnight, and the mayor said work starts in spring. ";

    private const string Summary = "Harbor towns will get a daily ferry from next spring after the council backed a ten-year contract.";

    private static string Paragraphs => string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{Story}Paragraph {i}, with more detail.</p>"));

    private static string Parse(string description, string hero) =>
        RawArticleBuilder.Text(
                $"<html><head><title>Ferry deal</title><meta name=\"description\" content=\"{description}\"></head>" +
                $"<body><header><h1>Ferry deal</h1><p>{hero}</p></header><div class=\"story\">{Paragraphs}</div></body></html>")
            .Named("page.html").Parse().Body;

    [Fact]
    public void Parse_DescriptionShownOutsideTheBody_OpensTheBody()
    {
        var body = Parse(Summary, Summary);

        Assert.StartsWith(Summary + "\n\nThe council approved", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DescriptionOnlyInMeta_NotAdded()
    {
        var body = Parse(Summary, "");

        Assert.StartsWith("The council approved", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DescriptionAlreadyInTheBody_NotRepeated()
    {
        var first = Story.Trim();
        var body = Parse(first, "");

        Assert.StartsWith("The council approved", body, StringComparison.Ordinal);
        Assert.Equal(4, body.Split("The council approved").Length - 1);
    }

    [Theory]
    [InlineData("Ferry deal passes, council says.")]
    [InlineData("Harbor towns will get a daily ferry from next spring after the council backed a ten-year...")]
    [InlineData("Harbor towns ferry council contract spring mayor vote budget debate schedule boats piers")]
    public void Parse_DescriptionShortTruncatedOrNotASentence_NotAdded(string description)
    {
        var body = Parse(description, description);

        Assert.StartsWith("The council approved", body, StringComparison.Ordinal);
    }
}

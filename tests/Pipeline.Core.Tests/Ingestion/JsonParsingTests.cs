namespace Pipeline.Core.Tests.Ingestion;

public sealed class JsonParsingTests
{
    private static RawArticleBuilder Json(string json) => RawArticleBuilder.Text(json).Named("story.json");

    [Fact]
    public void Parse_AllFields_Read()
    {
        var parsed = Json("""
            {
              "title": "Senator Hale Unveils Water Plan",
              "body": "Senator Miriam Hale released a water plan.\n\nFarmers welcomed it.",
              "url": "https://www.valleyherald.example/hale-water",
              "source": "Valley Herald",
              "publishedAt": "2026-05-02T15:00:00Z",
              "author": "Theo Marsh",
              "language": "en"
            }
            """).Parse();

        Assert.Equal("json", parsed.Format);
        Assert.Equal("Senator Hale Unveils Water Plan", parsed.Title);
        Assert.Equal("Senator Miriam Hale released a water plan.\n\nFarmers welcomed it.", parsed.Body);
        Assert.Equal("https://www.valleyherald.example/hale-water", parsed.Url);
        Assert.Equal("Valley Herald", parsed.Source);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 15, 0, 0, TimeSpan.Zero), parsed.PublishedAt);
        Assert.Equal("Theo Marsh", parsed.Author);
        Assert.Equal("en", parsed.LanguageHint);
    }

    [Theory]
    [InlineData("body")]
    [InlineData("text")]
    [InlineData("content")]
    [InlineData("Body")]
    public void Parse_BodyFieldAliases_Read(string field)
    {
        var parsed = Json($$"""{"title":"T","{{field}}":"The plan passed."}""").Parse();

        Assert.Equal("The plan passed.", parsed.Body);
    }

    [Theory]
    [InlineData("publishedAt")]
    [InlineData("published")]
    [InlineData("date")]
    public void Parse_DateFieldAliases_Read(string field)
    {
        var parsed = Json($$"""{"title":"T","body":"The plan passed.","{{field}}":"2026-05-02"}""").Parse();

        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), parsed.PublishedAt);
    }

    [Theory]
    [InlineData("\"Theo Marsh\"", "Theo Marsh")]
    [InlineData("{\"name\":\"Theo Marsh\",\"url\":\"https://x.example\"}", "Theo Marsh")]
    [InlineData("[\"Theo Marsh\",\"Ana Ruiz\"]", "Theo Marsh, Ana Ruiz")]
    [InlineData("[{\"name\":\"Theo Marsh\"},{\"name\":\"Ana Ruiz\"}]", "Theo Marsh, Ana Ruiz")]
    public void Parse_AuthorShapes_Joined(string author, string expected)
    {
        var parsed = Json($$"""{"title":"T","body":"The plan passed.","author":{{author}}}""").Parse();

        Assert.Equal(expected, parsed.Author);
    }

    [Fact]
    public void Parse_SourceMissing_HostOfUrlWithoutWww()
    {
        var parsed = Json("""{"title":"T","body":"The plan passed.","url":"https://www.valleyherald.example/a"}""").Parse();

        Assert.Equal("valleyherald.example", parsed.Source);
    }

    [Fact]
    public void Parse_HtmlInBody_ConvertedToText()
    {
        var parsed = Json("""{"title":"T","body":"<p>First <strong>part</strong>.</p><p>Second part.</p>"}""").Parse();

        Assert.Equal("First part.\n\nSecond part.", parsed.Body);
    }

    [Fact]
    public void Parse_NoTitle_DerivedFromBody()
    {
        var parsed = Json("""{"body":"The plan passed easily. Then it rained."}""").Parse();

        Assert.Equal("The plan passed easily.", parsed.Title);
        Assert.True(parsed.IsTitleDerived);
        Assert.Equal("The plan passed easily. Then it rained.", parsed.Text);
    }

    [Fact]
    public void Parse_Malformed_RejectedWithPosition()
    {
        var message = Json("{\n  \"title\": \"T\",\n  \"body\": \"unterminated\n}").Rejection();

        Assert.StartsWith("The file is not valid JSON at line ", message);
        Assert.Contains("position", message);
    }

    [Fact]
    public void Parse_MalformedSecondLine_ReportsThatLine()
    {
        var message = Json("{\"title\": \"T\",\n  \"body\" \"missing colon\"}").Rejection();

        Assert.Contains("line 2, position", message);
    }

    [Fact]
    public void Parse_ArrayRoot_Rejected()
    {
        var message = Json("""[{"title":"T","body":"x"}]""").Rejection();

        Assert.Contains("must be an object", message);
        Assert.Contains("an array", message);
    }

    [Fact]
    public void Parse_NoBodyField_RejectedNamingTheFields()
    {
        var message = Json("""{"title":"T","summary":"x"}""").Rejection();

        Assert.StartsWith("Article is empty", message);
        Assert.Contains("\"body\"", message);
    }
}

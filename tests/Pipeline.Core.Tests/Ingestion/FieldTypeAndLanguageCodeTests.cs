using Pipeline.Core.Analysis;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Fields of the wrong JSON type and language codes that are not ISO 639-1: rejected or ignored, never read as text.</summary>
public sealed class FieldTypeAndLanguageCodeTests
{
    private static RawArticleBuilder Json(string json) => RawArticleBuilder.Text(json).Named("story.json");

    [Theory]
    [InlineData("""{"title":["Senator","Hale"],"body":"The plan passed."}""", "\"title\" must be a string; found an array")]
    [InlineData("""{"title":{"text":"T"},"body":"The plan passed."}""", "\"title\" must be a string; found an object")]
    [InlineData("""{"title":true,"body":"The plan passed."}""", "\"title\" must be a string; found a boolean")]
    [InlineData("""{"title":"T","body":[1,"The plan passed.",{"p":2}]}""", "\"body\" must be a string or an array of paragraph strings; item 1 is a number")]
    [InlineData("""{"title":"T","body":["The plan passed.",["nested"]]}""", "item 2 is an array")]
    [InlineData("""{"title":"T","body":{"text":"The plan passed."}}""", "\"body\" must be a string or an array of paragraph strings; found an object")]
    [InlineData("""{"title":"T","Text":42}""", "\"Text\" must be a string or an array of paragraph strings; found a number")]
    [InlineData("""{"title":"T","body":"The plan passed.","url":["https://a.example"]}""", "\"url\" must be a string; found an array")]
    [InlineData("""{"title":"T","body":"The plan passed.","publishedAt":{"$date":1}}""", "\"publishedAt\" must be a string; found an object")]
    [InlineData("""{"title":"T","body":"The plan passed.","language":["en"]}""", "\"language\" must be a string; found an array")]
    public void Parse_FieldOfTheWrongType_RejectedNamingTheField(string json, string expected)
    {
        var message = Json(json).Rejection();

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BodyArrayOfStrings_ParagraphsAndTitleKept()
    {
        var parsed = Json("""{"title":1984,"body":["The plan passed.","Farmers welcomed it."]}""").Parse();

        Assert.Equal("1984", parsed.Title);
        Assert.Equal("The plan passed.\n\nFarmers welcomed it.", parsed.Body);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("qq-QQ")]
    [InlineData("zz")]
    [InlineData("e1")]
    public void Parse_MetadataLanguageNotIso6391_IgnoredSoTheLanguageIsDetected(string value)
    {
        var parsed = RawArticleBuilder.Text("Headline\n\nBody text.").WithMetadata("language", value).Parse();

        Assert.Null(parsed.LanguageHint);
    }

    [Theory]
    [InlineData("""<html lang="xx"><body><p>The plan passed.</p></body></html>""", "story.html")]
    [InlineData("""{"title":"T","body":"The plan passed.","language":"xx"}""", "story.json")]
    public void Parse_ContentLanguageNotIso6391_Ignored(string content, string name)
    {
        var parsed = RawArticleBuilder.Text(content).Named(name).Parse();

        Assert.Null(parsed.LanguageHint);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("ZH", true)]
    [InlineData("yo", true)]
    [InlineData("xx", false)]
    [InlineData("eng", false)]
    [InlineData("zh_chs", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsIso6391_Codes_RecognisedExactly(string? code, bool expected) =>
        Assert.Equal(expected, LanguageCodes.IsIso6391(code));
}

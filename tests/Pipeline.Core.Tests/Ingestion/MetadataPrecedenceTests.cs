namespace Pipeline.Core.Tests.Ingestion;

public sealed class MetadataPrecedenceTests
{
    private const string JsonArticle = """
        {"title":"Content title","body":"The plan passed.","url":"https://content.example/a","source":"Content Source",
         "publishedAt":"2026-01-01T00:00:00Z","author":"Content Author","language":"de"}
        """;

    private static RawArticleBuilder Json() => RawArticleBuilder.Text(JsonArticle).Named("a.json");

    [Fact]
    public void Parse_NoMetadata_ContentValuesUsed()
    {
        var parsed = Json().Parse();

        Assert.Equal("Content title", parsed.Title);
        Assert.Equal("Content Source", parsed.Source);
        Assert.Equal("Content Author", parsed.Author);
        Assert.Equal("https://content.example/a", parsed.Url);
        Assert.Equal("de", parsed.LanguageHint);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("TITLE")]
    [InlineData("Title")]
    public void Parse_MetadataTitleAnyCase_OverridesContent(string key)
    {
        var parsed = Json().WithMetadata(key, "Metadata title").Parse();

        Assert.Equal("Metadata title", parsed.Title);
        Assert.False(parsed.IsTitleDerived);
    }

    [Fact]
    public void Parse_MetadataSource_OverridesContentAndHost()
    {
        var parsed = Json().WithMetadata("Source", "Metadata Source").Parse();

        Assert.Equal("Metadata Source", parsed.Source);
    }

    [Fact]
    public void Parse_MetadataUrl_OverridesContentUrl()
    {
        var parsed = Json().WithMetadata("URL", "https://meta.example/b").Parse();

        Assert.Equal("https://meta.example/b", parsed.Url);
    }

    [Fact]
    public void Parse_MetadataPublished_OverridesContentDate()
    {
        var parsed = Json().WithMetadata("published", "2026-02-03T04:05:06+02:00").Parse();

        Assert.Equal(new DateTimeOffset(2026, 2, 3, 2, 5, 6, TimeSpan.Zero), parsed.PublishedAt);
    }

    [Fact]
    public void Parse_MetadataPublishedUnparseable_IgnoredContentDateKept()
    {
        var parsed = Json().WithMetadata("published", "sometime last week").Parse();

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), parsed.PublishedAt);
    }

    [Fact]
    public void Parse_MetadataAuthor_OverridesContentAuthor()
    {
        var parsed = Json().WithMetadata("Author", "Metadata Author").Parse();

        Assert.Equal("Metadata Author", parsed.Author);
    }

    [Theory]
    [InlineData("EN", "en")]
    [InlineData("fr-CA", "fr")]
    [InlineData("not a language", "de")]
    public void Parse_MetadataLanguage_OverridesWhenValid(string value, string expected)
    {
        var parsed = Json().WithMetadata("language", value).Parse();

        Assert.Equal(expected, parsed.LanguageHint);
    }

    [Fact]
    public void Parse_PlainTextWithMetadataUrlOnly_SourceIsHostWithoutWww()
    {
        var parsed = RawArticleBuilder.Text("Headline\n\nBody text.").WithMetadata("url", "https://www.tidewaterpost.example/x?y=1").Parse();

        Assert.Equal("tidewaterpost.example", parsed.Source);
        Assert.Equal("https://www.tidewaterpost.example/x?y=1", parsed.Url);
    }

    [Fact]
    public void Parse_UrlWithEscapes_KeptAsWritten()
    {
        var parsed = RawArticleBuilder.Text("Headline\n\nBody text.").WithMetadata("url", "https://news.example/a%20b?q=%C3%A9").Parse();

        Assert.Equal("https://news.example/a%20b?q=%C3%A9", parsed.Url);
    }

    [Fact]
    public void Parse_MetadataUrlNotAbsolute_Ignored()
    {
        var parsed = RawArticleBuilder.Text("Headline\n\nBody text.").WithMetadata("url", "not-a-url").Parse();

        Assert.Null(parsed.Url);
        Assert.Null(parsed.Source);
    }

    [Fact]
    public void Parse_BlankMetadataValue_TreatedAsAbsent()
    {
        var parsed = Json().WithMetadata("title", "   ").WithMetadata("author", "").Parse();

        Assert.Equal("Content title", parsed.Title);
        Assert.Equal("Content Author", parsed.Author);
    }
}

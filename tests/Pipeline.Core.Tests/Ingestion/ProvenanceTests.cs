using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Where an article's date and outlet come from, in order, and that nothing is guessed when none says.</summary>
public sealed class ProvenanceTests
{
    private const string Plain = "Senate passes the bill\n\nThe Senate passed the bill on a vote of 60 to 40 after a long debate.";

    private static DateTimeOffset Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("nbcnews.com/2016/06/10/sanders-meets-obama.txt", 2016, 6, 10)]
    [InlineData("2016/6/9/story.txt", 2016, 6, 9)]
    [InlineData("archive/2016-06-10-sanders-meets-obama.txt", 2016, 6, 10)]
    [InlineData("scrape/sanders_2016_06_10.md", 2016, 6, 10)]
    [InlineData("20160610-sanders.txt", 2016, 6, 10)]
    [InlineData("x/2016/02/30/bad/2016/03/01/good.txt", 2016, 3, 1)] // not a calendar date, so the next one
    public void Parse_DateInBlobName_DateFromPath(string name, int y, int m, int d)
    {
        var parsed = RawArticleBuilder.Text(Plain).Named(name).Parse();

        Assert.Equal(Day(y, m, d), parsed.PublishedAt);
        Assert.Equal(DateSource.Path, parsed.DateSource);
    }

    [Theory]
    [InlineData("000_b3b54d6dc6bb88e7.txt")] // hex ids
    [InlineData("story-12345678.txt")] // numeric ids that are no date
    [InlineData("2016/13/40/story.txt")]
    [InlineData("1850/01/01/story.txt")]
    [InlineData("docs/story.txt")]
    public void Parse_NoDateAnywhere_UndatedNotGuessed(string name)
    {
        var parsed = RawArticleBuilder.Text(Plain).Named(name).Parse();

        Assert.Null(parsed.PublishedAt);
        Assert.Equal(DateSource.Upload, parsed.DateSource);
    }

    [Fact]
    public void Parse_DateEverywhere_MetadataThenPageThenPathThenText()
    {
        const string Html = """
            <html><head><title>Senate passes the bill</title><meta property="article:published_time" content="2016-06-11T10:00:00Z"></head>
            <body><article><h1>Senate passes the bill</h1><p>Published June 12, 2016</p><p>The Senate passed the bill on a vote of 60 to 40 after a long debate in the chamber.</p></article></body></html>
            """;
        const string Name = "nbcnews.com/2016/06/10/story.html";

        var withMetadata = RawArticleBuilder.Text(Html).Named(Name).WithMetadata("published", "2016-06-09").Parse();
        var withPage = RawArticleBuilder.Text(Html).Named(Name).Parse();
        var withPath = RawArticleBuilder.Text(Html.Replace("2016-06-11T10:00:00Z", "", StringComparison.Ordinal)).Named(Name).Parse();
        var withText = RawArticleBuilder.Text(Html.Replace("2016-06-11T10:00:00Z", "", StringComparison.Ordinal)).Named("story.html").Parse();

        Assert.Equal((Day(2016, 6, 9), DateSource.Metadata), (withMetadata.PublishedAt!.Value, withMetadata.DateSource));
        Assert.Equal((new DateTimeOffset(2016, 6, 11, 10, 0, 0, TimeSpan.Zero), DateSource.Page), (withPage.PublishedAt!.Value, withPage.DateSource));
        Assert.Equal((Day(2016, 6, 10), DateSource.Path), (withPath.PublishedAt!.Value, withPath.DateSource));
        Assert.Equal((Day(2016, 6, 12), DateSource.Text), (withText.PublishedAt!.Value, withText.DateSource));
    }

    [Theory]
    [InlineData("nbcnews.com/2016/06/10/story.txt", "nbcnews.com")]
    [InlineData("WWW.NBCNews.com/story.txt", "nbcnews.com")]
    [InlineData("bbc.co.uk/news/story.txt", "bbc.co.uk")]
    public void Parse_DomainAsLeadingFolder_SourceFromPath(string name, string expected)
    {
        var parsed = RawArticleBuilder.Text(Plain).Named(name).Parse();

        Assert.Equal(expected, parsed.Source);
        Assert.Equal(SourceOrigin.Path, parsed.SourceOrigin);
    }

    [Theory]
    [InlineData("story.txt")] // a file name is not an outlet
    [InlineData("politics/story.txt")]
    [InlineData("2016/06/10/story.txt")]
    [InlineData("-bad-.com/story.txt")]
    public void Parse_NoOutletAnywhere_SourceUnknown(string name)
    {
        var parsed = RawArticleBuilder.Text(Plain).Named(name).Parse();

        Assert.Null(parsed.Source);
        Assert.Null(parsed.SourceOrigin);
    }

    [Fact]
    public void Parse_OutletEverywhere_MetadataThenUrlHostThenPath()
    {
        const string Name = "nbcnews.com/story.txt";

        var withMetadata = RawArticleBuilder.Text(Plain).Named(Name).WithMetadata("source", "NBC").WithMetadata("url", "https://www.cnn.com/a").Parse();
        var withUrl = RawArticleBuilder.Text(Plain).Named(Name).WithMetadata("url", "https://www.cnn.com/a").Parse();
        var withPath = RawArticleBuilder.Text(Plain).Named(Name).Parse();

        Assert.Equal(("NBC", SourceOrigin.Metadata), (withMetadata.Source, withMetadata.SourceOrigin!.Value));
        Assert.Equal(("cnn.com", SourceOrigin.Url), (withUrl.Source, withUrl.SourceOrigin!.Value));
        Assert.Equal(("nbcnews.com", SourceOrigin.Path), (withPath.Source, withPath.SourceOrigin!.Value));
    }

    [Fact]
    public void Parse_HtmlSiteNameAndUrl_HostKeepsOneKeyPerOutlet()
    {
        const string Html = """
            <html><head><title>Senate passes the bill</title><meta property="og:site_name" content="NBC News"><link rel="canonical" href="https://www.nbcnews.com/politics/x"></head>
            <body><article><h1>Senate passes the bill</h1><p>The Senate passed the bill on a vote of 60 to 40 after a long debate in the chamber.</p></article></body></html>
            """;

        var parsed = RawArticleBuilder.Text(Html).Named("a.html").Parse();

        Assert.Equal(("nbcnews.com", SourceOrigin.Url), (parsed.Source, parsed.SourceOrigin!.Value));
    }
}

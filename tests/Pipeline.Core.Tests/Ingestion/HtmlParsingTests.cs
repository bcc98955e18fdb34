namespace Pipeline.Core.Tests.Ingestion;

public sealed class HtmlParsingTests
{
    private static RawArticleBuilder Page(string head, string body) =>
        RawArticleBuilder.Text($"<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>").Named("page.html");

    [Fact]
    public void Parse_ArticlePage_ExtractsMainTextWithoutNavFooterScripts()
    {
        var parsed = Page(
            "<title>Ferry deal passes | Harbor Ledger</title><script>var tracking = 'noise';</script><style>p{color:red}</style>",
            """
            <header><a href="/">Home</a> <a href="/politics">Politics</a></header>
            <nav><ul><li>World</li><li>Sports</li></ul></nav>
            <article>
              <h1>Ferry deal passes</h1>
              <p>The council approved the ferry contract &amp; its budget on Monday.</p>
              <figure><img src="a.jpg"><figcaption>Boats at dawn. Photo: Jane Roe</figcaption></figure>
              <p>Mayor Lena Ortiz <em>praised</em> the vote.<br>Opponents were quiet.</p>
              <div class="share-tools">Share on Facebook</div>
            </article>
            <aside>Most read: something else</aside>
            <footer>© Harbor Ledger. All rights reserved.</footer>
            <script>console.log("more noise")</script>
            """).Parse();

        Assert.Equal("html", parsed.Format);
        Assert.Equal("Ferry deal passes", parsed.Title);
        Assert.Equal("The council approved the ferry contract & its budget on Monday.\n\nMayor Lena Ortiz praised the vote.\nOpponents were quiet.", parsed.Body);
        Assert.Equal("en", parsed.LanguageHint);
    }

    [Fact]
    public void Parse_TitleSources_OgTitleThenTitleThenH1()
    {
        var og = Page("<meta property=\"og:title\" content=\"From Open Graph\"><title>From title tag</title>", "<h1>From heading</h1><p>Body text here.</p>").Parse();
        var title = Page("<title>From title tag</title>", "<h1>From heading</h1><p>Body text here.</p>").Parse();
        var h1 = Page("", "<h1>From heading</h1><p>Body text here.</p>").Parse();

        Assert.Equal("From Open Graph", og.Title);
        Assert.Equal("From title tag", title.Title);
        Assert.Equal("From heading", h1.Title);
        Assert.Equal("Body text here.", h1.Body);
    }

    [Fact]
    public void Parse_TitleTagWithSiteSuffix_SuffixRemoved()
    {
        var parsed = Page("<meta property=\"og:site_name\" content=\"Harbor Ledger\"><title>Ferry deal passes - Harbor Ledger</title>", "<p>Body text here.</p>").Parse();

        Assert.Equal("Ferry deal passes", parsed.Title);
        Assert.Equal("Harbor Ledger", parsed.Source);
    }

    [Theory]
    [InlineData("<meta name=\"author\" content=\"Dana Whitfield\">", "")]
    [InlineData("<meta property=\"article:author\" content=\"Dana Whitfield\">", "")]
    [InlineData("", "<p class=\"byline\">By Dana Whitfield</p>")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"author\":{\"@type\":\"Person\",\"name\":\"Dana Whitfield\"}}</script>", "")]
    public void Parse_AuthorSources_Found(string head, string byline)
    {
        var parsed = Page("<title>Ferry deal</title>" + head, $"<article>{byline}<p>The council voted on Monday.</p></article>").Parse();

        Assert.Equal("Dana Whitfield", parsed.Author);
        Assert.Equal("The council voted on Monday.", parsed.Body);
    }

    [Fact]
    public void Parse_ArticleAuthorIsProfileUrl_NotUsedAsName()
    {
        var parsed = Page("<title>Ferry deal</title><meta property=\"article:author\" content=\"https://example.com/staff/dana\">", "<p>Body text here.</p>").Parse();

        Assert.Null(parsed.Author);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2026-03-14T09:30:00-04:00\">", "")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2026-03-14T13:30:00Z\">", "")]
    [InlineData("<script type=\"application/ld+json\">[{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-03-14T13:30:00Z\"}]</script>", "")]
    [InlineData("", "<time datetime=\"2026-03-14T13:30:00Z\">March 14</time>")]
    public void Parse_PublishedDateSources_Found(string head, string bodyPrefix)
    {
        var parsed = Page("<title>Ferry deal</title>" + head, $"<article>{bodyPrefix}<p>The council voted on Monday.</p></article>").Parse();

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 13, 30, 0, TimeSpan.Zero), parsed.PublishedAt);
    }

    [Fact]
    public void Parse_JsonLdGraph_DatePublishedFound()
    {
        var parsed = Page(
            "<title>Ferry deal</title><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-03-14\"}]}</script>",
            "<p>The council voted.</p>").Parse();

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero), parsed.PublishedAt);
    }

    [Fact]
    public void Parse_BrokenJsonLd_IgnoredNotRejected()
    {
        var parsed = Page("<title>Ferry deal</title><script type=\"application/ld+json\">{ not json</script>", "<p>The council voted.</p>").Parse();

        Assert.Equal("The council voted.", parsed.Body);
        Assert.Null(parsed.PublishedAt);
    }

    [Fact]
    public void Parse_CanonicalLinkAndOgUrl_CanonicalWinsAndSourceFromHost()
    {
        var both = Page("<title>T</title><link rel=\"canonical\" href=\"https://www.harborledger.example/ferry\"><meta property=\"og:url\" content=\"https://m.harborledger.example/ferry\">", "<p>Body text.</p>").Parse();
        var ogOnly = Page("<title>T</title><meta property=\"og:url\" content=\"https://m.harborledger.example/ferry\">", "<p>Body text.</p>").Parse();

        Assert.Equal("https://www.harborledger.example/ferry", both.Url);
        Assert.Equal("harborledger.example", both.Source);
        Assert.Equal("https://m.harborledger.example/ferry", ogOnly.Url);
        Assert.Equal("m.harborledger.example", ogOnly.Source);
    }

    [Fact]
    public void Parse_NoArticleElement_UsesBodyWithoutChrome()
    {
        var parsed = Page("<title>Ferry deal</title>", "<header>Site name</header><div class=\"content\"><p>First paragraph.</p><p>Second paragraph.</p></div><footer>Contact us</footer>").Parse();

        Assert.Equal("First paragraph.\n\nSecond paragraph.", parsed.Body);
    }

    [Fact]
    public void Parse_WrapperClassLooksLikeFurniture_ArticleTextKept()
    {
        var parsed = Page("<title>Ferry deal</title>", "<div class=\"layout has-sidebar\"><p>First paragraph of the story.</p><p>Second paragraph of the story.</p><div class=\"sidebar\">Popular</div></div>").Parse();

        Assert.Equal("First paragraph of the story.\n\nSecond paragraph of the story.", parsed.Body);
    }

    [Fact]
    public void Parse_MalformedMarkup_StillExtractsText()
    {
        var parsed = RawArticleBuilder.Text("<html><body><p>Unclosed paragraph <b>bold<p>Next one &eacute;t&eacute; &#8217; &lt;ok&gt;<div>Tail").Named("x.html").Parse();

        Assert.Equal("Unclosed paragraph bold\n\nNext one été ’ <ok>\n\nTail", parsed.Body);
        Assert.Equal("Unclosed paragraph bold", parsed.Title);
        Assert.True(parsed.IsTitleDerived);
    }

    [Fact]
    public void Parse_TensOfThousandsOfUnclosedTags_FailsWithNestingReason()
    {
        var html = "<html><head><title>Deep page</title></head><body>" + string.Concat(Enumerable.Repeat("<div><span>", 50_000)) + "<p>Deep text.</p></body></html>";

        var message = RawArticleBuilder.Text(html).Named("deep.html").Rejection();

        Assert.StartsWith("HTML nests deeper than 2,048 elements", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HundredsOfUnclosedTags_Parsed()
    {
        var html = "<html><head><title>Deep page</title></head><body>" + string.Concat(Enumerable.Repeat("<div><span>", 500)) + "<p>Deep text survives.</p></body></html>";

        var parsed = RawArticleBuilder.Text(html).Named("deep.html").Parse();

        Assert.Equal("Deep page", parsed.Title);
        Assert.Equal("Deep text survives.", parsed.Body);
    }

    [Fact]
    public void Parse_RubyAnnotations_ReadingsLeftOut()
    {
        var parsed = RawArticleBuilder.Text("<html><head><title>Law</title></head><body><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもを<ruby>守<rt>まも</rt></ruby>る法律ができました。</p></body></html>")
            .Named("ruby.html").Parse();

        Assert.Equal("子どもを守る法律ができました。", parsed.Body);
    }
}

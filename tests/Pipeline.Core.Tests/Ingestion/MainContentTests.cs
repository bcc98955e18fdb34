namespace Pipeline.Core.Tests.Ingestion;

public sealed class MainContentTests
{
    private const string Story =
        "The council approved the ferry contract on Monday, after a debate that ran past midnight, and the mayor said work starts in spring. ";

    private static RawArticleBuilder Page(string head, string body) =>
        RawArticleBuilder.Text($"<!DOCTYPE html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>").Named("page.html");

    private static string Paragraphs(int count, string prefix = "") =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<p>{prefix}{Story}Paragraph {i}, with more detail, figures, and quotes.</p>"));

    [Fact]
    public void Parse_RelatedArticleCardsAndBodyInPlainDivs_BodyWins()
    {
        var cards = string.Concat(Enumerable.Range(1, 6).Select(i => $"<article class=\"card\"><a href=\"/s{i}\">Other story number {i} about something else</a></article>"));
        var parsed = Page("<title>Ferry deal</title>", $"<div class=\"story\">{Paragraphs(4)}</div><div class=\"more\">{cards}</div>").Parse();

        Assert.Contains("Paragraph 4, with more detail", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Other story number", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FirstMainHoldsOnlyAnAdScript_ArticleTextFound()
    {
        var parsed = Page("<title>Ferry deal</title>", $"<main><script>loadAds()</script></main><main><div>{Paragraphs(3)}</div></main>").Parse();

        Assert.Contains("Paragraph 3, with more detail", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptySchemaOrgArticle_DoesNotWinOverTheText()
    {
        var parsed = Page("<title>Ferry deal</title>", $"<article itemscope itemtype=\"https://schema.org/NewsArticle\">\n   \n   </article><div id=\"text\">{Paragraphs(3)}</div>").Parse();

        Assert.Contains("Paragraph 1, with more detail", parsed.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("style=\"display: none\"")]
    [InlineData("hidden")]
    [InlineData("aria-hidden=\"true\"")]
    public void Parse_HiddenBlock_Removed(string hidden)
    {
        var parsed = Page("<title>Ferry deal</title>", $"<article>{Paragraphs(3)}<div {hidden}><p>Subscribe to read the rest of this article today.</p></div></article>").Parse();

        Assert.DoesNotContain("Subscribe to read", parsed.Body, StringComparison.Ordinal);
        Assert.Contains("Paragraph 3", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StoryWrapperClassNamesSidebar_StoryKept()
    {
        var parsed = Page("<title>Ferry deal</title>", $"<div class=\"with-sidebar\">{Paragraphs(4)}</div><div class=\"sidebar\"><a href=\"/x\">Most read</a></div>").Parse();

        Assert.Contains("Paragraph 4, with more detail", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongParagraphOpeningWithSocialHandle_Kept()
    {
        var paragraph = "Follow David on Twitter @DavidOAtkins. " + string.Concat(Enumerable.Repeat(Story, 16));
        var parsed = Page("<title>Ferry deal</title>", $"<article><p>{paragraph}</p></article>").Parse();

        Assert.StartsWith("Follow David on Twitter @DavidOAtkins. The council approved", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MarkupShowsTeaserJsonLdHasArticleBody_ArticleBodyUsed()
    {
        var body = string.Concat(Enumerable.Repeat(Story, 5));
        var jsonLd = $"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Ferry deal\",\"articleBody\":\"{body}\"}}</script>";
        var parsed = Page("<title>Ferry deal</title>" + jsonLd, "<div class=\"teaser\"><p>The council approved the ferry contract.</p></div>").Parse();

        Assert.Equal(body.Trim(), parsed.Body);
    }

    [Fact]
    public void Parse_LeadBeforeTheBodyContainer_Kept()
    {
        var parsed = Page("<title>Ferry deal</title>",
            $"<div class=\"article\"><header><h1>Ferry deal passes</h1><p class=\"lead\">A short standfirst that sums the whole story up for readers.</p></header><div class=\"body\">{Paragraphs(4)}</div></div>").Parse();

        Assert.StartsWith("A short standfirst that sums the whole story up for readers.", parsed.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ferry deal passes | ZDNet", "ZDNet")]
    [InlineData("Ferry deal passes - SpaceNews.com", null)]
    [InlineData("Opinion | Ferry deal passes", null)]
    public void Parse_TitleWithSiteOrSectionAffix_AffixRemoved(string ogTitle, string? siteName)
    {
        var site = siteName is null ? "" : $"<meta property=\"og:site_name\" content=\"{siteName}\">";
        var parsed = Page($"<meta property=\"og:title\" content=\"{ogTitle}\">{site}<link rel=\"canonical\" href=\"https://spacenews.com/ferry\"><title>Ferry deal passes</title>",
            $"<article>{Paragraphs(2)}</article>").Parse();

        Assert.Equal("Ferry deal passes", parsed.Title);
    }

    [Fact]
    public void Parse_H1InContentCorroboratedByTitle_H1IsTheTitle()
    {
        var parsed = Page("<title>Ferry Deal Passes After Late Debate - Harbor Ledger</title>",
            $"<article><h1>Ferry deal passes after late debate</h1>{Paragraphs(2)}</article>").Parse();

        Assert.Equal("Ferry deal passes after late debate", parsed.Title);
        Assert.StartsWith("The council approved", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongAuthorBioBesideAShorterStory_StoryWins()
    {
        var bio = string.Concat(Enumerable.Range(1, 8).Select(i => $"<p>Jane Roe has written, edited, and reported on harbors, ferries, and coastal towns for many years, part {i}.</p>"));
        var parsed = Page("<title>Ferry deal</title>", $"<div class=\"entry\">{Paragraphs(4)}</div><div class=\"author-bio\"><div>{bio}</div></div>").Parse();

        Assert.Contains("Paragraph 3, with more detail", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Roe has written", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArticleBodyOnlyInNoscriptFallback_TextFound()
    {
        var parsed = Page("<title>Ferry deal</title>",
            $"<div class=\"post\"><div itemprop=\"articleBody\"><script>render()</script><noscript>{Paragraphs(3)}</noscript></div></div>").Parse();

        Assert.Contains("Paragraph 3, with more detail", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoscriptNoticeOutsideTheArticle_NotText()
    {
        var notice = "<noscript><p>We and our partners process personal data, such as your interests, with cookies, to show you ads, and to measure them.</p></noscript>";
        var parsed = Page("<title>Ferry deal</title>", $"{notice}<div class=\"story\">{Paragraphs(3)}</div>").Parse();

        Assert.DoesNotContain("personal data", parsed.Body, StringComparison.Ordinal);
        Assert.Contains("Paragraph 3", parsed.Body, StringComparison.Ordinal);
    }

    // A landing page built of feature cards: each a heading, a sentence and a "Learn more" link, grouped in sections.
    private static string Cards(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i =>
            $"<li class=\"card\"><h2>{prefix} tool {i}</h2><p>{prefix} tool {i} lets you inspect, edit and replay what the page does, right where you work.</p>" +
            $"<a href=\"/{prefix}/{i}\">Learn more about {prefix} tool {i}</a></li>"));

    [Fact]
    public void Parse_FeatureCardsInTwoSectionsBesideALongerNotice_BothSectionsKept()
    {
        var notice = "<div class=\"notice\"><h4>Before you start</h4><p>Your new profile starts empty, so to keep your bookmarks, your history, your passwords and more, sign in with your account, or create one.</p></div>";
        var parsed = Page("<title>Welcome</title>",
            $"<main><section class=\"intro\"><header><h1>Welcome</h1><p>Get to know the tools that come with this edition.</p></header><ul>{Cards("Start", 2)}</ul>{notice}</section>" +
            $"<section class=\"more\"><div class=\"wrap\"><header><h2>All the tools</h2></header><ul>{Cards("Extra", 6)}</ul></div></section></main>").Parse();

        Assert.Contains("Start tool 1 lets you inspect", parsed.Body, StringComparison.Ordinal);
        Assert.Contains("Extra tool 6 lets you inspect", parsed.Body, StringComparison.Ordinal);
        Assert.Contains("sign in with your account", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrapperAroundALinkList_ListStillDropped()
    {
        var links = string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=\"/s{i}\">Another story about the harbor, number {i}</a></li>"));
        var parsed = Page("<title>Ferry deal</title>", $"<div class=\"story\">{Paragraphs(4)}<div class=\"more\"><h3>More stories</h3><ul>{links}</ul></div></div>").Parse();

        Assert.Contains("Paragraph 4, with more detail", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Another story about the harbor", parsed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StoryInChapterSections_AllChaptersKept()
    {
        var chapters = string.Concat(Enumerable.Range(1, 4).Select(i => $"<section><h2>Chapter {i}</h2>{Paragraphs(2, $"Chapter {i}: ")}</section>"));
        var teasers = string.Concat(Enumerable.Range(1, 3).Select(i => $"<div class=\"teaser\"><p>A teaser for another story, number {i}, with a comma or two, for good measure.</p></div>"));
        var parsed = Page("<title>Ferry deal</title>", $"<div class=\"page\"><div class=\"story\">{chapters}</div><div class=\"rail\">{teasers}</div></div>").Parse();

        Assert.Contains("Chapter 1: The council approved", parsed.Body, StringComparison.Ordinal);
        Assert.Contains("Chapter 4: The council approved", parsed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("A teaser for another story", parsed.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<title>Ferry deal passes after late debate | News | Jane Roe</title>", "<aside><span itemprop=\"author\">Jane Roe</span></aside>")]
    [InlineData("<title>Ferry deal passes after late debate · HL</title>", "<header><h1><a href=\"/\">HL</a></h1></header>")]
    [InlineData("<title>Ferry deal passes after late debate :: Harborblog PORTAL ::</title><link rel=\"canonical\" href=\"https://jane.harborblog.net/p/1\">", "")]
    [InlineData("<title>Ferry deal passes after late debate • Harbor Ledger</title><meta property=\"og:site_name\" content=\"Harbor Ledger\">", "")]
    [InlineData("<meta property=\"og:site_name\" content=\"HARBOR EASY\"><title>HARBOR EASY|Ferry deal passes after late debate</title>", "")]
    public void Parse_TitleWithAffixNamingAuthorMastheadOrHost_AffixRemoved(string head, string chrome)
    {
        var parsed = Page(head, $"{chrome}<div class=\"story\">{Paragraphs(3)}</div>").Parse();

        Assert.Equal("Ferry deal passes after late debate", parsed.Title);
    }

    [Fact]
    public void Parse_MastheadH1BeforeTheArticleH1_ArticleH1IsTheHeadline()
    {
        var parsed = Page("<title>Ferry deal passes after late debate · HL</title>",
            $"<header><h1><a href=\"/\">HL</a></h1></header><main><header><h1>Ferry deal passes after late debate</h1></header><div class=\"story\">{Paragraphs(3)}</div></main>").Parse();

        Assert.Equal("Ferry deal passes after late debate", parsed.Title);
    }

    [Fact]
    public void Parse_H1OpensWithKickerElement_KickerNotInTitle()
    {
        var parsed = Page("<meta property=\"og:title\" content=\"Harbor: Ferry deal passes after late debate\">",
            $"<article><h1><span class=\"overline\">Harbor</span>: Ferry deal passes after late debate</h1>{Paragraphs(3)}</article>").Parse();

        Assert.Equal("Ferry deal passes after late debate", parsed.Title);
    }

    [Fact]
    public void Parse_TitleSegmentsWithoutSiteName_Kept()
    {
        var parsed = Page("<title>Ferry deal - what the vote means for commuters</title><meta property=\"og:site_name\" content=\"Harbor Ledger\">",
            $"<div class=\"story\">{Paragraphs(3)}</div>").Parse();

        Assert.Equal("Ferry deal - what the vote means for commuters", parsed.Title);
    }
}

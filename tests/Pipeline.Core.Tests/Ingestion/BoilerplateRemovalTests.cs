using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

/// <summary>Every boilerplate family, with sentences written for these tests, plus look-alike lines that must survive.</summary>
public sealed class BoilerplateRemovalTests
{
    private const string Keep = "The mayor defended the ferry budget at Tuesday's meeting.";

    private static string BodyOf(string noise) =>
        RawArticleBuilder.Text($"Ferry Budget Survives Challenge\n\n{noise}\n\n{Keep}").Parse().Body;

    [Theory]
    [InlineData("IE 11 is not supported. For an optimal experience visit our site on another browser.")]
    [InlineData("Internet Explorer is no longer supported on this site.")]
    [InlineData("Your browser is out of date. Please update your browser for the best experience.")]
    [InlineData("Please enable JavaScript to view this page.")]
    public void Parse_BrowserNotice_Removed(string line)
    {
        Assert.Equal(Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.BrowserNotice, BoilerplateRules.Classify(line));
    }

    [Theory]
    [InlineData("Image: Commuters wait at the Pier 4 terminal")]
    [InlineData("Photo: Marta Quill for the Ledger")]
    [InlineData("Credit: Owen Pike/Flickr")]
    [InlineData("Photo credit: Harbor City Council")]
    [InlineData("[Photo by Owen Pike/Getty Images]")]
    [InlineData("Getty Images")]
    [InlineData("OWEN PIKE/AFP/Getty Images")]
    [InlineData("Owen Pike/Getty Images News/Getty Images")]
    [InlineData("Commuters line up for the morning ferry in March.Owen Pike / EPA")]
    [InlineData("Commuters line up for the morning ferry. Owen Pike/Reuters")]
    public void Parse_ImageCredit_Removed(string line)
    {
        Assert.Equal(Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.ImageCredit, BoilerplateRules.Classify(line));
    }

    [Theory]
    [InlineData("Read This Story on")]
    [InlineData("Continue reading the story")]
    [InlineData("Read the full article at the Ledger")]
    public void Parse_StoryLink_Removed(string line)
    {
        Assert.Equal(Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.StoryLink, BoilerplateRules.Classify(line));
    }

    [Theory]
    [InlineData("Related: Council Delays Vote on Ferry Fares")]
    [InlineData("RELATED COVERAGE: Port authority names new chief")]
    [InlineData("See also: How the ferry system grew")]
    [InlineData("Read more: The fight over the waterfront")]
    [InlineData("Das könnte Sie auch interessieren")]
    [InlineData("Mehr zum Thema")]
    [InlineData("Schon gelesen?")]
    [InlineData("À lire aussi : Le port rouvre ses quais")]
    [InlineData("VEA TAMBIÉN: El puerto reabre sus muelles")]
    [InlineData("MIRA: El puerto reabre sus muelles")]
    [InlineData("Czytaj też")]
    [InlineData("Leia também: O porto reabre")]
    public void Parse_RelatedLink_Removed(string line)
    {
        Assert.Equal(Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.RelatedLink, BoilerplateRules.Classify(line));
    }

    [Theory]
    [InlineData("Mira la lista de horarios del puerto para este fin de semana.")]
    [InlineData("Auch interessant ist, dass der Hafen am Sonntag öffnet.")]
    public void Parse_SentenceOpeningLikeARelatedLabel_Kept(string line)
    {
        Assert.Equal(BoilerplateKind.None, BoilerplateRules.Classify(line));
    }

    [Theory]
    [InlineData("Honest reporting keeps cities accountable... But we need your help! Donate Now!")]
    [InlineData("Subscribe to The Harbor Ledger")]
    [InlineData("Sign up for our morning newsletter.")]
    [InlineData("Become a member and support independent journalism.")]
    public void Parse_Banner_Removed(string line)
    {
        Assert.Equal(Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.Banner, BoilerplateRules.Classify(line));
    }

    [Theory]
    [InlineData("Tags Ferry Budget Lena Ortiz harbor city council transit")]
    [InlineData("Topics: transit, budget, waterfront")]
    [InlineData("See all Ledger.TV See all Video")]
    [InlineData("Advertisement")]
    [InlineData("Share this article")]
    public void Parse_TagsAndNavigation_Removed(string line)
    {
        Assert.Equal(Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.TagsOrNavigation, BoilerplateRules.Classify(line));
    }

    [Fact]
    public void Parse_AuthorBioWithNameLine_RemovedAndAuthorKept()
    {
        var parsed = RawArticleBuilder.Text(
            $"Ferry Budget Survives Challenge\n\n{Keep}\n\nNadia Brooks\n\nFollow Nadia on Twitter @nbrooks_writes. Nadia Brooks covers city hall for the Ledger.").Parse();

        Assert.Equal(Keep, parsed.Body);
        Assert.Equal("Nadia Brooks", parsed.Author);
    }

    [Fact]
    public void Parse_NameLineAndBioInOneParagraph_RemovedAndAuthorKept()
    {
        var parsed = RawArticleBuilder.Text(
            $"Ferry Budget Survives Challenge\n\n{Keep}\n\nNadia Brooks\nFollow Nadia on Bluesky @nbrooks. She covers city hall.").Parse();

        Assert.Equal(Keep, parsed.Body);
        Assert.Equal("Nadia Brooks", parsed.Author);
    }

    [Fact]
    public void Parse_BioSentenceWithHandleMidParagraph_Removed()
    {
        var parsed = RawArticleBuilder.Text(
            $"Ferry Budget Survives Challenge\n\n{Keep}\n\nNadia Brooks covers city hall. You can follow her on X at @nbrooks_writes.").Parse();

        Assert.Equal(Keep, parsed.Body);
    }

    [Fact]
    public void Parse_Byline_RemovedAndUsedAsAuthor()
    {
        var parsed = RawArticleBuilder.Text($"Ferry Budget Survives Challenge\n\nBy Nadia Brooks and Omar Feld\n\n{Keep}").Parse();

        Assert.Equal(Keep, parsed.Body);
        Assert.Equal("Nadia Brooks and Omar Feld", parsed.Author);
    }

    [Theory]
    [InlineData("June 9, 2026", "2026-06-09T00:00:00+00:00")]
    [InlineData("Updated: 2026-06-09 14:30 EDT", "2026-06-09T18:30:00+00:00")]
    public void Parse_DateOnlyLine_RemovedAndUsedAsPublishedDate(string line, string expected)
    {
        var parsed = RawArticleBuilder.Text($"Ferry Budget Survives Challenge\n\n{line}\n\n{Keep}").Parse();

        Assert.Equal(Keep, parsed.Body);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.PublishedAt);
        Assert.Equal(BoilerplateKind.Dateline, BoilerplateRules.Classify(line));
    }

    [Fact]
    public void Parse_DateOnlyLineAndMetadataDate_MetadataWins()
    {
        var parsed = RawArticleBuilder.Text($"Ferry Budget Survives Challenge\n\nJune 9, 2026\n\n{Keep}").WithMetadata("published", "2026-07-01").Parse();

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), parsed.PublishedAt);
    }

    [Theory]
    [InlineData("Related issues came up when the council discussed ferry fares at length.")]
    [InlineData("Supporters said they would sign up for the volunteer shifts, the organiser told reporters.")]
    [InlineData("Read more about the ferry, residents urged, and you will see why it matters.")]
    [InlineData("By Tuesday, the council had voted to approve the ferry contract.")]
    [InlineData("The photo was taken by a resident who later shared it with the council.")]
    [InlineData("She said she would follow the debate on Twitter, where it was trending.")]
    [InlineData("Voters who prefer other browsers were not affected by the outage.")]
    [InlineData("The donations page was updated on Friday after complaints.")]
    [InlineData("2026")]
    [InlineData("Election Day 2026")]
    public void Parse_ProseThatResemblesBoilerplate_Kept(string line)
    {
        Assert.Equal(line + "\n\n" + Keep, BodyOf(line));
        Assert.Equal(BoilerplateKind.None, BoilerplateRules.Classify(line));
    }

    [Fact]
    public void Parse_OnlyBoilerplate_RejectedAsEmpty()
    {
        var message = RawArticleBuilder.Text("IE 11 is not supported. For an optimal experience visit our site on another browser.\n\nGetty Images\n\nSubscribe to The Harbor Ledger").Rejection();

        Assert.StartsWith("Article is empty", message);
        Assert.Contains("boilerplate", message);
    }
}

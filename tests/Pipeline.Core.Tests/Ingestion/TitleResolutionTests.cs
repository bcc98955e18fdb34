namespace Pipeline.Core.Tests.Ingestion;

public sealed class TitleResolutionTests
{
    [Fact]
    public void Parse_NoticeBeforeHeadline_NoticeIsNeverTheTitle()
    {
        var parsed = RawArticleBuilder.Text(
            "Your browser is not supported. Please update your browser.\n\nPort Chief Resigns After Audit\n\nThe audit found missing funds.").Parse();

        Assert.Equal("Port Chief Resigns After Audit", parsed.Title);
        Assert.Equal("The audit found missing funds.", parsed.Body);
    }

    [Fact]
    public void Parse_CreditLineBeforeHeadline_CreditIsNeverTheTitle()
    {
        var parsed = RawArticleBuilder.Text("Getty Images\n\nPort Chief Resigns After Audit\n\nThe audit found missing funds.").Parse();

        Assert.Equal("Port Chief Resigns After Audit", parsed.Title);
    }

    [Fact]
    public void Parse_CaptionThenCredit_NoHeadlineTitleDerivedFromFirstSentence()
    {
        var parsed = RawArticleBuilder.Text(
            "Gideon Vance\nCredit: Pia Lund/Flickr\n\nPort commissioner Gideon Vance resigned on Friday. The audit had found missing funds.").Parse();

        Assert.Equal("Port commissioner Gideon Vance resigned on Friday.", parsed.Title);
        Assert.True(parsed.IsTitleDerived);
        Assert.Equal("Port commissioner Gideon Vance resigned on Friday. The audit had found missing funds.", parsed.Body);
        Assert.Equal(parsed.Body, parsed.Text);
    }

    [Fact]
    public void Parse_CaptionThenCreditWithMetadataTitle_MetadataTitleUsed()
    {
        var parsed = RawArticleBuilder.Text("Gideon Vance\nCredit: Pia Lund/Flickr\n\nPort commissioner Gideon Vance resigned on Friday.")
            .WithMetadata("Title", "Port Commissioner Quits")
            .Parse();

        Assert.Equal("Port Commissioner Quits", parsed.Title);
        Assert.False(parsed.IsTitleDerived);
        Assert.Equal("Port commissioner Gideon Vance resigned on Friday.", parsed.Body);
    }

    [Fact]
    public void Parse_HeadlineThenBlankThenCredit_HeadlineKept()
    {
        var parsed = RawArticleBuilder.Text("Port Chief Resigns\n\nPhoto: Pia Lund/Reuters\n\nThe audit found missing funds.").Parse();

        Assert.Equal("Port Chief Resigns", parsed.Title);
        Assert.Equal("The audit found missing funds.", parsed.Body);
    }

    [Fact]
    public void Parse_LongFirstSentence_DerivedTitleCutOnWordBoundaryWithEllipsis()
    {
        var sentence = "Commissioners from four harbor districts spent most of Thursday evening arguing over a proposal that would merge the ferry and bus agencies into one authority.";
        var parsed = RawArticleBuilder.Text(sentence + " Nobody changed their mind.").Named("x.json")
            .WithText($$"""{"body":"{{sentence}} Nobody changed their mind."}""").Parse();

        Assert.True(parsed.IsTitleDerived);
        Assert.EndsWith("…", parsed.Title);
        Assert.True(parsed.Title.Length <= 121, parsed.Title);
        Assert.StartsWith(parsed.Title[..^1], sentence, StringComparison.Ordinal);
        Assert.Equal(' ', sentence[parsed.Title.Length - 1]);
    }

    [Fact]
    public void Parse_AbbreviationInFirstSentence_NotTreatedAsSentenceEnd()
    {
        var parsed = RawArticleBuilder.Text("""{"body":"Sen. Miriam Hale spoke first. Then the vote."}""").Named("x.json").Parse();

        Assert.Equal("Sen. Miriam Hale spoke first.", parsed.Title);
    }

    [Fact]
    public void Parse_PlainTextStartingWithLongParagraph_TitleDerivedAndParagraphKept()
    {
        var paragraph = "The port authority met for three hours on Thursday. Members argued about fares, schedules and the cost of fuel, and agreed on nothing at all in the end.";
        var parsed = RawArticleBuilder.Text(paragraph + "\n\nA second paragraph.").Parse();

        Assert.Equal("The port authority met for three hours on Thursday.", parsed.Title);
        Assert.Equal(paragraph + "\n\nA second paragraph.", parsed.Body);
    }

    [Fact]
    public void Parse_HtmlH1RepeatsOgTitle_HeadlineNotDuplicatedInBody()
    {
        var parsed = RawArticleBuilder.Text("<html><head><meta property=\"og:title\" content=\"Port Chief Resigns\"></head><body><article><h1>Port Chief Resigns</h1><p>The audit found missing funds.</p></article></body></html>")
            .Named("x.html").Parse();

        Assert.Equal("Port Chief Resigns", parsed.Title);
        Assert.Equal("The audit found missing funds.", parsed.Body);
        Assert.Equal("Port Chief Resigns\n\nThe audit found missing funds.", parsed.Text);
    }

    [Fact]
    public void Parse_HtmlH1DiffersFromOgTitle_H1StillRemovedFromBody()
    {
        var parsed = RawArticleBuilder.Text("<html><head><meta property=\"og:title\" content=\"Port chief quits\"></head><body><article><h1>Port Chief Resigns After Audit</h1><p>The audit found missing funds.</p></article></body></html>")
            .Named("x.html").Parse();

        Assert.Equal("Port chief quits", parsed.Title);
        Assert.Equal("The audit found missing funds.", parsed.Body);
    }

    [Fact]
    public void Parse_MetadataTitleAndTextHeadline_TextHeadlineStillRemovedFromBody()
    {
        var parsed = RawArticleBuilder.Text("Port Chief Resigns\n\nThe audit found missing funds.").WithMetadata("title", "Uploader's title").Parse();

        Assert.Equal("Uploader's title", parsed.Title);
        Assert.Equal("The audit found missing funds.", parsed.Body);
    }
}

using Pipeline.Core.Articles;

namespace Pipeline.Core.Tests.Articles;

public sealed class ContentHashTests
{
    private const string Story = "Sen. Bernie Sanders met Hillary Clinton on Tuesday.\n\nThey spoke for 90 minutes.";

    [Theory]
    [InlineData("Sen. Bernie Sanders met Hillary Clinton on Tuesday. They spoke for 90 minutes.")]
    [InlineData("  SEN BERNIE SANDERS MET HILLARY CLINTON ON TUESDAY\r\nthey spoke for 90 minutes!!  ")]
    [InlineData("Sen.\u00A0Bernie Sanders met Hillary Clinton on Tuesday\u2026 They spoke for \uFF19\uFF10 minutes.")]
    public void Of_SameWordsDifferentSpacingCasePunctuationOrWidth_SameHash(string variant) =>
        Assert.Equal(ContentHash.Of(Story), ContentHash.Of(variant));

    [Theory]
    [InlineData("Sen. Bernie Sanders met Hillary Clinton on Wednesday. They spoke for 90 minutes.")]
    [InlineData("Sen. Bernie Sanders met Hillary Clinton on Tuesday. They spoke for 9 minutes.")]
    [InlineData("Sen. Bernie Sanders met Hillary Clinton on Tuesday. They spoke for 90 minutes. Then they left.")]
    [InlineData("Sen. Bernie Sanders met Hillary Clinton on Tues day. They spoke for 90 minutes.")]
    public void Of_DifferentWords_DifferentHash(string other) =>
        Assert.NotEqual(ContentHash.Of(Story), ContentHash.Of(other));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("🙂🙂🎉 !!! ...")]
    public void Of_NoLettersOrDigits_Null(string text) => Assert.Null(ContentHash.Of(text));

    [Fact]
    public void Of_AnyText_ThirtyTwoLowercaseHexCharacters() =>
        Assert.Matches("^[0-9a-f]{32}$", ContentHash.Of(Story));

    [Fact]
    public void Of_NonLatinScripts_FoldsCaseAndKeepsWordsApart()
    {
        Assert.Equal(ContentHash.Of("ПРИВЕТ, мир!"), ContentHash.Of("привет мир"));
        Assert.NotEqual(ContentHash.Of("привет мир"), ContentHash.Of("привет миру"));
    }
}

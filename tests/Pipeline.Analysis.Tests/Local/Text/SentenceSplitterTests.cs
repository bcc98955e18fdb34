using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return SentenceSplitter.Split(text, tokens)
            .Select(r => SentenceSplitter.ToCharSpan(tokens, r))
            .Select(s => text.Substring(s.Start, s.Length))
            .ToArray();
    }

    [Fact]
    public void Split_Titles_DoNotEndSentences()
    {
        var s = Sentences("Sen. Bernie Sanders met Gov. Jay Inslee and Mr. Smith on Jan. 5. They talked.");
        Assert.Equal(["Sen. Bernie Sanders met Gov. Jay Inslee and Mr. Smith on Jan. 5.", "They talked."], s);
    }

    [Fact]
    public void Split_InitialsAndAcronyms_DoNotEndSentences()
    {
        var s = Sentences("J. Smith of the U.S. Senate spoke. The U.S. economy grew in the U.S. The end.");
        Assert.Equal(["J. Smith of the U.S. Senate spoke.", "The U.S. economy grew in the U.S.", "The end."], s);
    }

    [Fact]
    public void Split_QuotesAfterPunctuation_StayInTheSentence()
    {
        var s = Sentences("\"We will win.\" Sanders smiled. \"Why?\" he asked.");
        Assert.Equal(["\"We will win.\"", "Sanders smiled.", "\"Why?\" he asked."], s);
    }

    [Fact]
    public void Split_TitleLineAndParagraphs_AreSeparateSentences()
    {
        var s = Sentences("Sanders Wins Vermont\nThe senator won easily\n\nturnout was high.");
        Assert.Equal(["Sanders Wins Vermont", "The senator won easily", "turnout was high."], s);
    }

    [Fact]
    public void Split_WrappedLine_ContinuesTheSentence()
    {
        var s = Sentences("The senator said that the plan,\nwhich he wrote, would pass.");
        Assert.Single(s);
    }
}

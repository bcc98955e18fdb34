using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Text;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)).ToArray();

    [Fact]
    public void Tokenize_Sentence_OffsetsPointAtTheTokenText()
    {
        const string text = "Sen. Bernie Sanders, 79, won 52.3% in Vermont.";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Sen.", "Bernie", "Sanders", ",", "79", ",", "won", "52.3", "%", "in", "Vermont", "."], tokens.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Equal(5, tokens[1].Start);
        Assert.Equal(6, tokens[1].Length);
    }

    [Fact]
    public void Tokenize_Contractions_SplitsClitics()
    {
        Assert.Equal(["They", "do", "n't", "like", "Sanders", "'s", "plan"], Words("They don't like Sanders's plan"));
        Assert.Equal(["It", "\u2019s", "Clinton", "\u2019s"], Words("It\u2019s Clinton\u2019s"));
        Assert.Equal(["O'Rourke", "said"], Words("O'Rourke said"));
    }

    [Fact]
    public void Tokenize_HyphensNumbersAndAbbreviations_KeepsThemWhole()
    {
        Assert.Equal(["a", "70-year-old", "in", "the", "U.S.", "paid", "$", "1,200.50"], Words("a 70-year-old in the U.S. paid $1,200.50"));
        Assert.Equal(["J.", "Smith", "and", "Dr.", "Who"], Words("J. Smith and Dr. Who"));
    }

    [Fact]
    public void Tokenize_UrlsHandlesAndQuotes_AreSingleTokens()
    {
        Assert.Equal(["See", "https://example.com/a?b=1", "."], Words("See https://example.com/a?b=1."));
        Assert.Equal(["@BernieSanders", "#vote", "\u201C", "Yes", "\u201D"], Words("@BernieSanders #vote \u201CYes\u201D"));
    }

    [Fact]
    public void Tokenize_Empty_ReturnsNoTokens()
    {
        Assert.Empty(Tokenizer.Tokenize("   \n "));
    }
}

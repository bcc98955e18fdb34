using Pipeline.Analysis.AzureLanguage;

namespace Pipeline.Analysis.Tests.AzureLanguage;

public sealed class SentenceChunkerTests
{
    [Fact]
    public void Split_TextWithinLimit_OneChunk()
    {
        Assert.Equal([new TextChunk(0, 11)], SentenceChunker.Split("Short text.", 5120));
    }

    [Fact]
    public void Split_LongArticle_ChunksAreContiguousWithinLimitAndEndAtSentenceEnds()
    {
        var text = new ArticleBuilder().FillTo(12_000, "Officials met on Monday to discuss the plan, and reporters asked questions!").Build();

        var chunks = SentenceChunker.Split(text, 5120);

        Assert.Equal(3, chunks.Count);
        Assert.Equal(0, chunks[0].Offset);
        for (var i = 0; i < chunks.Count; i++)
        {
            Assert.InRange(chunks[i].Length, 1, 5120);
            if (i > 0)
            {
                Assert.Equal(chunks[i - 1].Offset + chunks[i - 1].Length, chunks[i].Offset);
                Assert.Equal('!', text[chunks[i].Offset - 2]); // previous chunk ends with "! " (sentence end plus its space)
                Assert.Equal('O', text[chunks[i].Offset]);
            }
        }

        Assert.Equal(text.Length, chunks[^1].Offset + chunks[^1].Length);
    }

    [Fact]
    public void Split_QuotedSentenceEnd_CutsAfterTheClosingQuote()
    {
        var text = "\"We will win.\" She smiled. " + new string('a', 10) + ".";

        var chunks = SentenceChunker.Split(text, 20);

        Assert.Equal("\"We will win.\" ", text.Substring(chunks[0].Offset, chunks[0].Length));
    }

    [Fact]
    public void Split_SentenceLongerThanLimit_CutsAtLastWhitespace()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 40)) + ".";

        var chunks = SentenceChunker.Split(text, 50);

        Assert.All(chunks.SkipLast(1), c => Assert.Equal(' ', text[c.Offset + c.Length - 1]));
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 50));
        Assert.Equal(text, string.Concat(chunks.Select(c => text.Substring(c.Offset, c.Length))));
    }

    [Fact]
    public void Split_NoWhitespaceAcrossSurrogatePairs_NeverSplitsAPair()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 100)); // odd offset: every limit lands mid-pair

        var chunks = SentenceChunker.Split(text, 64);

        Assert.All(chunks, c =>
        {
            Assert.InRange(c.Length, 1, 64);
            Assert.False(char.IsLowSurrogate(text[c.Offset]), $"chunk at {c.Offset} starts inside a surrogate pair");
        });
        Assert.Equal(text.Length, chunks.Sum(c => c.Length));
    }

    [Fact]
    public void Split_ParagraphBreaks_AreSentenceBoundaries()
    {
        var text = "Headline without a full stop\n\nBody text follows here and goes on for a while.";

        var chunks = SentenceChunker.Split(text, 40);

        Assert.Equal("Headline without a full stop\n\n", text.Substring(chunks[0].Offset, chunks[0].Length));
    }
}

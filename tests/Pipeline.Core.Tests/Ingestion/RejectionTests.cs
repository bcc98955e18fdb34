using System.Text;

namespace Pipeline.Core.Tests.Ingestion;

public sealed class RejectionTests
{
    [Fact]
    public void Parse_ZeroBytes_RejectedAsEmpty()
    {
        var message = new RawArticleBuilder().WithBytes([]).Rejection();

        Assert.Equal("Article is empty: the file has no content (0 bytes).", message);
    }

    [Theory]
    [InlineData("   \n\t\n  ")]
    [InlineData("\uFEFF\r\n\r\n")]
    public void Parse_WhitespaceOnly_RejectedAsEmpty(string text)
    {
        var message = RawArticleBuilder.Text(text).Rejection();

        Assert.StartsWith("Article is empty", message);
    }

    [Fact]
    public void Parse_TitleOnly_RejectedAsHavingNoBody()
    {
        var message = RawArticleBuilder.Text("Just A Headline\n").Rejection();

        Assert.Equal("Article is empty: it has a title but no body text.", message);
    }

    [Fact]
    public void Parse_HtmlWithOnlyChrome_RejectedAsEmpty()
    {
        var message = RawArticleBuilder.Text("<html><body><nav>Home</nav><footer>Contact</footer></body></html>").Named("x.html").Rejection();

        Assert.StartsWith("Article is empty", message);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "ZIP")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "JPEG")]
    public void Parse_KnownBinaryFormat_RejectedNamingIt(byte[] bytes, string expected)
    {
        var message = new RawArticleBuilder().WithBytes([.. bytes, .. Encoding.ASCII.GetBytes(" some trailing data")]).Rejection();

        Assert.Contains(expected, message);
        Assert.Contains("not a text article", message);
    }

    [Fact]
    public void Parse_NulBytes_RejectedAsBinary()
    {
        var message = new RawArticleBuilder().WithBytes([0x41, 0x42, 0x00, 0x43, 0x44]).Rejection();

        Assert.Contains("NUL bytes", message);
    }

    [Fact]
    public void Parse_ManyControlCharacters_RejectedAsBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 7) : 0x41)).ToArray();

        var message = new RawArticleBuilder().WithBytes(bytes).Rejection();

        Assert.Contains("binary data", message);
        Assert.Contains("control characters", message);
    }
}

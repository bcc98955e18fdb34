using System.Text;

namespace Pipeline.Core.Tests.Ingestion;

public sealed class EncodingTests
{
    private const string Article = "Ortiz’s “Ferry” Plan — Café Owners Cheer\n\nOwners on the Quai said “merci” and reopened.";

    public static TheoryData<string, bool> Encodings => new()
    {
        { "utf-8", false },
        { "utf-8", true },
        { "utf-16le", true },
        { "utf-16be", true },
        { "utf-32le", true },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_UnicodeEncodings_DecodedIdentically(string name, bool bom)
    {
        var encoding = name switch
        {
            "utf-16le" => (Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };

        var parsed = new RawArticleBuilder().WithText(Article, encoding, bom).Parse();

        Assert.Equal("Ortiz’s “Ferry” Plan — Café Owners Cheer", parsed.Title);
        Assert.Equal("Owners on the Quai said “merci” and reopened.", parsed.Body);
    }

    [Fact]
    public void Parse_InvalidUtf8WithoutBom_Rejected()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 owners cheer\n\nThe caf\u00e9 reopened.");

        var message = new RawArticleBuilder().WithBytes(bytes).Rejection();

        Assert.Contains("not valid UTF-8 or UTF-16 text", message);
        Assert.Contains("near byte 3", message);
    }

    [Theory]
    [InlineData("text/plain; charset=ISO-8859-1")]
    [InlineData("text/plain; charset=latin1")]
    public void Parse_Latin1Declared_Decoded(string contentType)
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 owners cheer\n\nThe caf\u00e9 reopened.");

        var parsed = new RawArticleBuilder().WithBytes(bytes).WithContentType(contentType).Parse();

        Assert.Equal("Café owners cheer", parsed.Title);
    }

    [Fact]
    public void Parse_HtmlMetaDeclaresLatin1WithoutContentType_Decoded()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Caf"), 0xE9,
            .. Encoding.ASCII.GetBytes(" owners cheer</title></head><body><p>The caf"), 0xE9, .. Encoding.ASCII.GetBytes(" reopened.</p></body></html>")];

        var parsed = new RawArticleBuilder().WithBytes(bytes).Named("page.html").Parse();

        Assert.Equal("Café owners cheer", parsed.Title);
        Assert.Equal("The café reopened.", parsed.Body);
    }

    [Fact]
    public void Parse_LargePageWithAStrayNulByte_NulDroppedNotRejected()
    {
        var paragraph = string.Concat(Enumerable.Repeat("The council approved the ferry contract on Monday. ", 40));
        byte[] bytes = [.. Encoding.UTF8.GetBytes($"<html><body><p>{paragraph}"), 0x00, .. Encoding.UTF8.GetBytes("</p></body></html>")];

        var parsed = new RawArticleBuilder().WithBytes(bytes).Named("page.html").Parse();

        Assert.Equal(paragraph.Trim(), parsed.Body);
    }

    [Fact]
    public void Parse_Windows1252Declared_CurlyQuotesDecoded()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Mayor "), 0x93, .. Encoding.ASCII.GetBytes("wins"), 0x94, .. Encoding.ASCII.GetBytes("\n\nShe won "), 0x96, .. Encoding.ASCII.GetBytes(" easily.")];

        var parsed = new RawArticleBuilder().WithBytes(bytes).WithContentType("text/plain; charset=windows-1252").Parse();

        Assert.Equal("Mayor “wins”", parsed.Title);
        Assert.Equal("She won – easily.", parsed.Body);
    }

    [Fact]
    public void Parse_Utf16WithoutBom_RejectedMentioningNulBytes()
    {
        var bytes = Encoding.Unicode.GetBytes(Article);

        var message = new RawArticleBuilder().WithBytes(bytes).Rejection();

        Assert.Contains("NUL bytes", message);
    }
}

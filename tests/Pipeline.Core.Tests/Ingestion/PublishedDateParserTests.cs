using Pipeline.Core.Ingestion;

namespace Pipeline.Core.Tests.Ingestion;

public sealed class PublishedDateParserTests
{
    [Theory]
    [InlineData("2026-06-09T14:30:00Z", "2026-06-09T14:30:00+00:00")]
    [InlineData("2026-06-09T10:30:00-04:00", "2026-06-09T14:30:00+00:00")]
    [InlineData("2026-06-09T14:30:00.123456Z", "2026-06-09T14:30:00.123456+00:00")]
    [InlineData("2026-06-09T14:30:00+0000", "2026-06-09T14:30:00+00:00")]
    [InlineData("2026-06-09 14:30", "2026-06-09T14:30:00+00:00")]
    [InlineData("2026-06-09", "2026-06-09T00:00:00+00:00")]
    [InlineData("20260609", "2026-06-09T00:00:00+00:00")]
    [InlineData("Tue, 09 Jun 2026 14:30:00 GMT", "2026-06-09T14:30:00+00:00")]
    [InlineData("June 9, 2026", "2026-06-09T00:00:00+00:00")]
    [InlineData("Jun 9, 2026", "2026-06-09T00:00:00+00:00")]
    [InlineData("9 June 2026", "2026-06-09T00:00:00+00:00")]
    [InlineData("06/09/2026", "2026-06-09T00:00:00+00:00")]
    [InlineData("Published June 9, 2026 2:30 PM EDT", "2026-06-09T18:30:00+00:00")]
    [InlineData("Updated: 2026-06-09", "2026-06-09T00:00:00+00:00")]
    [InlineData("1781015400", "2026-06-09T14:30:00+00:00")]
    [InlineData("1781015400000", "2026-06-09T14:30:00+00:00")]
    public void Parse_CommonFormats_Parsed(string input, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PublishedDateParser.Parse(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("2026-13-45")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData(null)]
    public void Parse_Unparseable_Null(string? input)
    {
        Assert.Null(PublishedDateParser.Parse(input));
    }
}

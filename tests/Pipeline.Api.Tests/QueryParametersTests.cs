using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Pipeline.Core.Analysis;
using Pipeline.Api.Queries;

namespace Pipeline.Api.Tests;

public sealed class QueryParametersTests
{
    private const int DefaultTop = 50;

    [Fact]
    public void Date_DateOnlyUpperBound_IncludesThatWholeDay()
    {
        var parameters = Parse(("to", "2016-06-10"));

        Assert.Equal(new DateTimeOffset(2016, 6, 11, 0, 0, 0, TimeSpan.Zero), parameters.Date("to", dateOnlyMeansEndOfDay: true));
        Assert.True(parameters.IsValid);
    }

    [Fact]
    public void Date_WithOffset_IsConvertedToUtc()
    {
        var parameters = Parse(("from", "2016-06-10T08:00:00-04:00"));

        Assert.Equal(new DateTimeOffset(2016, 6, 10, 12, 0, 0, TimeSpan.Zero), parameters.Date("from"));
    }

    [Fact]
    public void Date_Garbage_IsAnErrorNamingTheParameter()
    {
        var parameters = Parse(("from", "last week"));

        Assert.Null(parameters.Date("from"));
        Assert.Contains("ISO 8601", Assert.Single(parameters.Errors["from"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NEGATIVE", Sentiment.Negative)]
    [InlineData("mixed", Sentiment.Mixed)]
    public void Sentiment_NamesCaseInsensitive_Parse(string value, Sentiment expected) =>
        Assert.Equal(expected, Parse(("sentiment", value)).Sentiment("sentiment"));

    [Fact]
    public void Status_NumericValue_IsRejectedNotCastToEnum()
    {
        var parameters = Parse(("status", "2"));

        Assert.Null(parameters.Status("status"));
        Assert.Contains("processed, unscored, failed", parameters.Errors["status"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void RejectUnknown_Typo_IsAnError()
    {
        var parameters = Parse(("sentimnet", "negative"), ("top", "5"));

        parameters.RejectUnknown("top", "sentiment");

        Assert.Equal(["sentimnet"], parameters.Errors.Keys);
    }

    [Fact]
    public void RejectUnknown_FunctionKeyParameter_IsAccepted()
    {
        var parameters = Parse(("code", "secret-function-key"), ("top", "5"));

        parameters.RejectUnknown("top");

        Assert.True(parameters.IsValid);
    }

    [Fact]
    public void String_GivenTwice_IsAnError()
    {
        var parameters = new QueryParameters(new QueryCollection(new Dictionary<string, StringValues> { ["source"] = new(["a", "b"]) }));

        Assert.Null(parameters.String("source"));
        Assert.False(parameters.IsValid);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9999")]
    [InlineData("1.5")]
    public void Int_OutOfRangeOrMalformed_IsAnError(string value)
    {
        var parameters = Parse(("top", value));

        Assert.Equal(DefaultTop, parameters.Int("top", DefaultTop, 1, 500));
        Assert.True(parameters.Errors.ContainsKey("top"));
    }

    [Fact]
    public void RequireOrdered_FromAfterTo_IsAnErrorOnTo()
    {
        var parameters = Parse();

        parameters.RequireOrdered("from", DateTimeOffset.UnixEpoch.AddDays(2), "to", DateTimeOffset.UnixEpoch);

        Assert.True(parameters.Errors.ContainsKey("to"));
    }

    [Fact]
    public void Language_IsoCode_IsLowercased() =>
        Assert.Equal("en", Parse(("language", "EN")).Language("language"));

    private static QueryParameters Parse(params (string Key, string Value)[] pairs) =>
        new(new QueryCollection(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value))));
}

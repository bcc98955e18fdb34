using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Api.Queries;

namespace Pipeline.Api.Tests;

public sealed class QueryParametersTests
{
    private const int DefaultTop = 50;

    private static readonly QueryParameterSet Declared = new(
        QueryParameter.Date("from", "Lower bound."),
        QueryParameter.DateUpperBound("to", "Upper bound."),
        QueryParameter.Text("source", "Source.", 10),
        QueryParameter.TextList("entity", "Entities.", 3, 20),
        QueryParameter.Enum<Sentiment>("sentiment", "Sentiment."),
        QueryParameter.Enum<ArticleStatus>("status", "Status.", ArticleStatus.Processed),
        QueryParameter.Language("language", "Language."),
        QueryParameter.Integer("top", "Page size.", DefaultTop, 1, 500));

    [Fact]
    public void Date_DateOnlyUpperBound_IncludesThatWholeDay()
    {
        var parameters = Parse(("to", "2016-06-10"));

        Assert.Equal(new DateTimeOffset(2016, 6, 11, 0, 0, 0, TimeSpan.Zero), parameters.Date("to"));
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
    public void Constructor_UndeclaredName_IsAnErrorListingTheDeclaredOnes()
    {
        var parameters = Parse(("sentimnet", "negative"), ("top", "5"));

        Assert.Equal(["sentimnet"], parameters.Errors.Keys);
        Assert.Contains("Allowed: from, to, source, entity, sentiment, status, language, top.", parameters.Errors["sentimnet"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FunctionKeyParameter_IsAccepted()
    {
        var parameters = Parse(("code", "secret-function-key"), ("top", "5"));

        Assert.True(parameters.IsValid);
    }

    [Fact]
    public void String_UndeclaredName_ReadsNothingAfterTheRejection()
    {
        var parameters = new QueryParameters(Query(("category", "Person")), new QueryParameterSet(QueryParameter.Integer("top", "Page size.", 5, 1, 9)));

        Assert.Null(parameters.String("category"));
        Assert.Equal(["category"], parameters.Errors.Keys);
    }

    [Fact]
    public void String_ReadAsAnotherKindThanDeclared_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Parse(("top", "5")).String("top"));

    [Fact]
    public void Enum_ReadAsAnotherEnumThanDeclared_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Parse(("sentiment", "mixed")).Status("sentiment"));

    [Fact]
    public void String_LongerThanDeclaredMaxLength_IsAnError()
    {
        var parameters = Parse(("source", "abcdefghijk"));

        Assert.Null(parameters.String("source"));
        Assert.Contains("1 to 10 characters", parameters.Errors["source"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void String_GivenTwice_IsAnError()
    {
        var parameters = new QueryParameters(new QueryCollection(new Dictionary<string, StringValues> { ["source"] = new(["a", "b"]) }), Declared);

        Assert.Null(parameters.String("source"));
        Assert.False(parameters.IsValid);
    }

    [Fact]
    public void Strings_Repeated_ReturnsEveryValueInOrder()
    {
        var parameters = new QueryParameters(new QueryCollection(new Dictionary<string, StringValues> { ["entity"] = new(["b", " a "]) }), Declared);

        Assert.Equal(["b", "a"], parameters.Strings("entity"));
        Assert.True(parameters.IsValid);
    }

    [Fact]
    public void Strings_MoreThanDeclaredMaxCount_IsAnError()
    {
        var parameters = new QueryParameters(new QueryCollection(new Dictionary<string, StringValues> { ["entity"] = new(["a", "b", "c", "d"]) }), Declared);

        Assert.Empty(parameters.Strings("entity"));
        Assert.Contains("at most 3 times", parameters.Errors["entity"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_Absent_IsTheDeclaredDefault() =>
        Assert.Equal(ArticleStatus.Processed, Parse().Status("status"));

    [Fact]
    public void Int_Absent_IsTheDeclaredDefault() =>
        Assert.Equal(DefaultTop, Parse().Int("top"));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9999")]
    [InlineData("1.5")]
    public void Int_OutOfRangeOrMalformed_IsAnError(string value)
    {
        var parameters = Parse(("top", value));

        Assert.Equal(DefaultTop, parameters.Int("top"));
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

    private static QueryParameters Parse(params (string Key, string Value)[] pairs) => new(Query(pairs), Declared);

    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value)));
}

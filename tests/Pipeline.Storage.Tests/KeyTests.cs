using Pipeline.Core.Aggregates;
using Pipeline.Storage.Entities;
using Pipeline.Storage.Keys;

namespace Pipeline.Storage.Tests;

public sealed class KeyTests
{
    [Theory]
    [InlineData("abc-DEF_1.2", "abc-DEF_1.2")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("#?\\", "~23~3F~5C")]
    [InlineData("é", "~C3~A9")]
    [InlineData("~", "~7E")]
    public void Encode_Text_EscapesEverythingOutsideSafeSet(string text, string expected)
    {
        Assert.Equal(expected, KeyEncoder.Encode(text));
    }

    [Fact]
    public void Encode_DistinctTexts_GiveDistinctKeysWithoutForbiddenCharacters()
    {
        var texts = new[] { "a/b", "a~2Fb", "A/b", "a\tb", "a b", "東京", string.Concat(Enumerable.Repeat("ü", 600)), string.Concat(Enumerable.Repeat("ü", 601)) };

        var keys = texts.Select(KeyEncoder.Encode).ToList();

        Assert.Equal(texts.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.DoesNotContain(k, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)));
        Assert.All(keys, k => Assert.True(k.Length <= 512));
    }

    [Fact]
    public void SourceKey_CaseAndSurroundingBlanks_AreIgnored()
    {
        Assert.Equal(KeyEncoder.SourceKey("nbcnews.com"), KeyEncoder.SourceKey("  NBCNews.COM "));
    }

    [Fact]
    public void RowKey_LaterTimestamps_SortFirst()
    {
        var id = "0123456789abcdef";
        var t = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

        Assert.True(string.CompareOrdinal(TimeKeys.RowKey(t.AddTicks(1), id), TimeKeys.RowKey(t, id)) < 0);
        Assert.True(string.CompareOrdinal(TimeKeys.RowKey(t.AddYears(-30), id), TimeKeys.RowKey(t, id)) > 0);
    }

    [Fact]
    public void Range_FromAndTo_SelectsFromInclusiveToExclusive()
    {
        var id = "0123456789abcdef";
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(1);
        var (lower, upper) = TimeKeys.Range(from, to);

        bool Inside(DateTimeOffset t) => string.CompareOrdinal(TimeKeys.RowKey(t, id), lower) >= 0 && string.CompareOrdinal(TimeKeys.RowKey(t, id), upper) < 0;

        Assert.True(Inside(from));
        Assert.True(Inside(to.AddTicks(-1)));
        Assert.False(Inside(to));
        Assert.False(Inside(from.AddTicks(-1)));
    }

    [Fact]
    public void Split_Window_CoversItExactlyOnceWithWholeMonthsAndDays()
    {
        var from = new DateTimeOffset(2026, 9, 10, 7, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        var spans = LeaderboardSpans.Split(from, to).ToList();

        Assert.Equal(from, spans[0].From);
        Assert.Equal(to, spans[^1].To);
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
        Assert.Equal(["m202610"], spans.Where(s => s.Period?.StartsWith('m') == true).Select(s => s.Period));
        Assert.Equal(2, spans.Count(s => s.Period is null));
        Assert.Equal(20 + 19, spans.Count(s => s.Period?.StartsWith('d') == true));
    }

    [Theory]
    [InlineData("alice adams", "Alice Adams", "Alice Adams")]
    [InlineData("Alice Adams", "alice adams", "Alice Adams")]
    [InlineData("Bob", "Abe", "Abe")]
    public void Prefer_TwoSpellings_IsOrderIndependent(string a, string b, string expected)
    {
        Assert.Equal(expected, EntityNames.Prefer(a, b));
        Assert.Equal(expected, EntityNames.Prefer(b, a));
    }
}

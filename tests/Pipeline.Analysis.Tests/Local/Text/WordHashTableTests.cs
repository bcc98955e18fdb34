using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Text;

public sealed class WordHashTableTests
{
    [Fact]
    public void TryGetValue_EveryAddedWord_FoundWithItsValue()
    {
        var words = Enumerable.Range(0, 5000).Select(i => $"word{i}").ToArray();
        var table = new WordHashTable<int>(words.Select((w, i) => KeyValuePair.Create(TextHash.Of(w), i)));

        Assert.Equal(words.Length, table.Count);
        Assert.All(words.Select((w, i) => (w, i)), p =>
        {
            Assert.True(table.TryGetValue(TextHash.Of(p.w), out var value));
            Assert.Equal(p.i, value);
        });
    }

    [Fact]
    public void TryGetValue_WordNotAdded_NotFound()
    {
        var table = new WordHashTable<int>(Enumerable.Range(0, 100).Select(i => KeyValuePair.Create(TextHash.Of($"word{i}"), i)));

        Assert.All(Enumerable.Range(100, 1000), i => Assert.False(table.TryGetValue(TextHash.Of($"word{i}"), out _)));
    }

    [Fact]
    public void Constructor_SameHashTwice_FirstValueKept()
    {
        var table = new WordHashTable<int>([KeyValuePair.Create(42UL, 1), KeyValuePair.Create(42UL, 2)]);

        Assert.Equal(1, table.Count);
        Assert.True(table.TryGetValue(42, out var value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void TryGetValue_HashZero_KeptAsideAndFound()
    {
        var empty = new WordHashTable<int>([KeyValuePair.Create(7UL, 7)]);
        var withZero = new WordHashTable<int>([KeyValuePair.Create(0UL, 5), KeyValuePair.Create(7UL, 7)]);

        Assert.False(empty.TryGetValue(0, out _));
        Assert.True(withZero.TryGetValue(0, out var zero));
        Assert.Equal(5, zero);
        Assert.True(withZero.TryGetValue(7, out var seven));
        Assert.Equal(7, seven);
    }

    [Fact]
    public void TryGetValue_HashesCollidingInTheirTopBits_AllFound()
    {
        // Hashes equal in their high bits land in the same slot and must probe past each other.
        var hashes = Enumerable.Range(1, 20).Select(i => ((ulong)i << 1) | 1UL).ToArray();
        var table = new WordHashTable<ulong>(hashes.Select(h => KeyValuePair.Create(h, h * 3)));

        Assert.All(hashes, h =>
        {
            Assert.True(table.TryGetValue(h, out var value));
            Assert.Equal(h * 3, value);
        });
    }

    [Fact]
    public void Entries_TableWithHashZero_EveryHashOnceWithItsFirstValue()
    {
        var table = new WordHashTable<int>([KeyValuePair.Create(0UL, 7), KeyValuePair.Create(5UL, 1), KeyValuePair.Create(5UL, 2), KeyValuePair.Create(ulong.MaxValue, 3)]);

        Assert.Equal([(0UL, 7), (5UL, 1), (ulong.MaxValue, 3)], table.Entries.Select(e => (e.Key, e.Value)).OrderBy(e => e.Key));
    }
}

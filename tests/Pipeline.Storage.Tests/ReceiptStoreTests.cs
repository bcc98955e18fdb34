using Pipeline.Testing;

namespace Pipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ReceiptStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task RecordAsync_NamesWithReservedAndUnicodeCharacters_LoadReturnsThemExactly()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var names = new[] { "plain.txt", "dir/sub/file.html", "hash#tag.md", "what?.json", "back\\slash.txt", "ünïcödé/東京.txt", "Case.TXT", "case.txt", "a~41.txt", "A.txt" };
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await h.Receipts.RecordAsync("articles", name, "0x" + i, Ct);
        }

        await h.Receipts.RecordAsync("other", "plain.txt", "0xOTHER", Ct);
        var loaded = await h.Receipts.LoadAsync("articles", Ct);

        Assert.Equal(names.Select((n, i) => (n, "0x" + i)).OrderBy(x => x.n, StringComparer.Ordinal), loaded.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Key, StringComparer.Ordinal));
        Assert.Equal("0xOTHER", (await h.Receipts.LoadAsync("other", Ct))["plain.txt"]);
    }

    [Fact]
    public async Task RecordAsync_SameBlobTwice_KeepsLatestETag()
    {
        var h = await StorageHarness.CreateAsync(azurite);

        await h.Receipts.RecordAsync("articles", "dir/a.txt", "0x1", Ct);
        await h.Receipts.RecordAsync("articles", "dir/a.txt", "0x2", Ct);

        Assert.Equal("0x2", Assert.Single(await h.Receipts.LoadAsync("articles", Ct)).Value);
    }

    [Fact]
    public async Task RemoveAsync_RecordedAndMissing_RemovesOnlyThatBlob()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        await h.Receipts.RecordAsync("articles", "x/1#.txt", "0x1", Ct);
        await h.Receipts.RecordAsync("articles", "x/2?.txt", "0x2", Ct);

        await h.Receipts.RemoveAsync("articles", "x/1#.txt", Ct);
        await h.Receipts.RemoveAsync("articles", "never-recorded.txt", Ct);

        Assert.Equal(["x/2?.txt"], (await h.Receipts.LoadAsync("articles", Ct)).Keys);
    }

    [Fact]
    public async Task RecordAsync_VeryLongUnicodeName_StoredUnderHashedKey()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var longName = string.Concat(Enumerable.Repeat("長い名前/", 100)) + "end.txt";
        var otherLong = string.Concat(Enumerable.Repeat("長い名前/", 100)) + "other.txt";

        await h.Receipts.RecordAsync("articles", longName, "0x1", Ct);
        await h.Receipts.RecordAsync("articles", otherLong, "0x2", Ct);

        var loaded = await h.Receipts.LoadAsync("articles", Ct);
        Assert.Equal("0x1", loaded[longName]);
        Assert.Equal("0x2", loaded[otherLong]);
    }
}

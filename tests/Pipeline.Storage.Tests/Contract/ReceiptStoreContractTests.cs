using Pipeline.Core.Processing;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>Receipts every store must keep: exact names (any characters, any length), the latest ETag, removals.</summary>
public abstract class ReceiptStoreContractTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A new, empty receipt store.</summary>
    protected abstract Task<IReceiptStore> CreateReceiptsAsync();

    [Fact]
    public async Task RecordAsync_NamesWithReservedAndUnicodeCharacters_ReadReturnsThemExactly()
    {
        var receipts = await CreateReceiptsAsync();
        var names = new[] { "plain.txt", "dir/sub/file.html", "hash#tag.md", "what?.json", "back\\slash.txt", "ünïcödé/東京.txt", "Case.TXT", "case.txt", "a~41.txt", "A.txt" };
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await receipts.RecordAsync("articles", name, "0x" + i, Ct);
        }

        await receipts.RecordAsync("other", "plain.txt", "0xOTHER", Ct);
        var loaded = await ReadAllAsync(receipts, "articles");

        Assert.Equal(names.Select((n, i) => (n, "0x" + i)).OrderBy(x => x.n, StringComparer.Ordinal), loaded.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Key, StringComparer.Ordinal));
        Assert.Equal("0xOTHER", (await ReadAllAsync(receipts, "other"))["plain.txt"]);
    }

    [Fact]
    public async Task RecordAsync_SameBlobTwice_KeepsLatestETag()
    {
        var receipts = await CreateReceiptsAsync();

        await receipts.RecordAsync("articles", "dir/a.txt", "0x1", Ct);
        await receipts.RecordAsync("articles", "dir/a.txt", "0x2", Ct);

        Assert.Equal("0x2", Assert.Single(await ReadAllAsync(receipts, "articles")).Value);
    }

    [Fact]
    public async Task RemoveAsync_RecordedAndMissing_RemovesOnlyThatBlob()
    {
        var receipts = await CreateReceiptsAsync();
        await receipts.RecordAsync("articles", "x/1#.txt", "0x1", Ct);
        await receipts.RecordAsync("articles", "x/2?.txt", "0x2", Ct);

        await receipts.RemoveAsync("articles", "x/1#.txt", Ct);
        await receipts.RemoveAsync("articles", "never-recorded.txt", Ct);

        Assert.Equal(["x/2?.txt"], (await ReadAllAsync(receipts, "articles")).Keys);
    }

    [Fact]
    public async Task RecordAsync_VeryLongUnicodeNames_BothKeptApart()
    {
        var receipts = await CreateReceiptsAsync();
        var longName = string.Concat(Enumerable.Repeat("長い名前/", 100)) + "end.txt";
        var otherLong = string.Concat(Enumerable.Repeat("長い名前/", 100)) + "other.txt";

        await receipts.RecordAsync("articles", longName, "0x1", Ct);
        await receipts.RecordAsync("articles", otherLong, "0x2", Ct);

        var loaded = await ReadAllAsync(receipts, "articles");
        Assert.Equal("0x1", loaded[longName]);
        Assert.Equal("0x2", loaded[otherLong]);
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(IReceiptStore receipts, string container)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var receipt in receipts.ReadAsync(container, Ct))
        {
            Assert.True(all.TryAdd(receipt.BlobName, receipt.ETag), $"{receipt.BlobName} read twice");
        }

        return all;
    }
}

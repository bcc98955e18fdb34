using Pipeline.Core.Processing;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests.Contract;

// The contract suites against Azure Table storage (real Azurite; each store gets its own tables and containers).

[Collection(AzuriteCollection.Name)]
public sealed class TableArticleWriteTests(AzuriteFixture azurite) : ArticleWriteContractTests
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => Wrap(await StorageHarness.CreateAsync(azurite));

    internal static StoreUnderTest Wrap(StorageHarness h) => new(h.Store, h.Store, () => $"ETag conflicts retried: {h.Store.EntityStatsConflicts}");
}

[Collection(AzuriteCollection.Name)]
public sealed class TableArticleListingTests(AzuriteFixture azurite) : ArticleListingContractTests
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => TableArticleWriteTests.Wrap(await StorageHarness.CreateAsync(azurite));
}

[Collection(AzuriteCollection.Name)]
public sealed class TableLeaderboardTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : LeaderboardContractTests(output)
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => TableArticleWriteTests.Wrap(await StorageHarness.CreateAsync(azurite));
}

[Collection(AzuriteCollection.Name)]
public sealed class TableReceiptStoreTests(AzuriteFixture azurite) : ReceiptStoreContractTests
{
    protected override async Task<IReceiptStore> CreateReceiptsAsync() => (await StorageHarness.CreateAsync(azurite)).Receipts;
}

[Collection(AzuriteCollection.Name)]
public sealed class TableCoverageTests(AzuriteFixture azurite) : CoverageContractTests
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => TableArticleWriteTests.Wrap(await StorageHarness.CreateAsync(azurite));
}

[Collection(AzuriteCollection.Name)]
public sealed class TableCoverageWindowTests(AzuriteFixture azurite) : CoverageWindowContractTests
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => TableArticleWriteTests.Wrap(await StorageHarness.CreateAsync(azurite));
}

[Collection(AzuriteCollection.Name)]
public sealed class TableDuplicateStoryTests(AzuriteFixture azurite) : DuplicateStoryContractTests
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => TableArticleWriteTests.Wrap(await StorageHarness.CreateAsync(azurite));
}

using Pipeline.Core.Processing;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests.Contract;

// The contract suites against the embedded SQLite store (a new database file per store).

public sealed class SqliteArticleWriteTests : ArticleWriteContractTests, IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override Task<StoreUnderTest> CreateStoreAsync() => _databases.CreateStoreAsync();

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteArticleListingTests : ArticleListingContractTests, IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override Task<StoreUnderTest> CreateStoreAsync() => _databases.CreateStoreAsync();

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteLeaderboardTests(Xunit.Abstractions.ITestOutputHelper output) : LeaderboardContractTests(output), IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override Task<StoreUnderTest> CreateStoreAsync() => _databases.CreateStoreAsync();

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteReceiptStoreTests : ReceiptStoreContractTests, IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override async Task<IReceiptStore> CreateReceiptsAsync() => new SqliteReceiptStore(await _databases.CreateAsync());

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteCoverageTests : CoverageContractTests, IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override Task<StoreUnderTest> CreateStoreAsync() => _databases.CreateStoreAsync();

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteCoverageWindowTests : CoverageWindowContractTests, IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override Task<StoreUnderTest> CreateStoreAsync() => _databases.CreateStoreAsync();

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteDuplicateStoryTests : DuplicateStoryContractTests, IDisposable
{
    private readonly SqliteTestDatabase _databases = new();

    protected override Task<StoreUnderTest> CreateStoreAsync() => _databases.CreateStoreAsync();

    public void Dispose() => _databases.Dispose();
}

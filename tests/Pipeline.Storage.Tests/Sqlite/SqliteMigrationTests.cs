using Microsoft.Data.Sqlite;
using Pipeline.Core.Coverage;
using Pipeline.Core.Queries;
using Pipeline.Storage.Sqlite;
using Pipeline.Storage.Tests.Contract;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly SqliteTestDatabase _databases = new();

    [Fact]
    public async Task EnsureCreatedAsync_FileFromBeforeRollups_BuildsThemFromTheRows()
    {
        var database = await _databases.CreateAsync();
        var store = new SqliteArticleStore(database);
        var records = Enumerable.Range(0, 12).Select(i => new ArticleRecordBuilder().WithBlobName($"old-{i}.txt")
                .WithTimestamp(new DateTimeOffset(2019, 1 + i % 4, 1 + i * 2, i, 0, 0, TimeSpan.Zero)).WithSource(i % 3 == 0 ? "cnn.com" : "nbcnews.com")
                .WithEntity("Alice Adams", mentions: 1 + i % 2, polarity: i % 5 / 5.0 - 0.4).WithEntity(i % 2 == 0 ? "Bob Brown" : "Carol Chen").Build())
            .ToList();
        foreach (var r in records)
        {
            await store.SaveAsync(r, Ct);
        }

        // What a version 2 file looks like: the same rows, no rollups.
        await using (var connection = await database.OpenAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE coverage_periods; PRAGMA user_version = 2;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        await database.EnsureCreatedAsync(Ct);

        var scope = new CoverageScope { EntityId = Core.Analysis.EntityId.For("Person", "Alice Adams"), From = new DateTimeOffset(2019, 1, 5, 0, 0, 0, TimeSpan.Zero) };
        var daily = await store.ReadDailyAsync(scope, Ct);
        Assert.Equal(CoverageRecount.Daily(records, scope).Days.Select(d => (d.Key, d.Value.Articles, d.Value.PolaritySum)).Order(),
            daily.Days.Select(d => (d.Key, d.Value.Articles, d.Value.PolaritySum)).Order());
        Assert.Equal(11, daily.Days.Count); // every article from January 9 on, one a day
        var cnn = await store.ListEntitiesAsync(new EntityQuery { Source = "cnn.com" }, Ct);
        Assert.Equal([("Alice Adams", 4), ("Bob Brown", 2), ("Carol Chen", 2)], cnn.Select(e => (e.Name, e.ArticleCount)));
        var coMentions = await store.ReadCoMentionsAsync(scope with { From = null }, Ct);
        Assert.Equal([6L, 6L], coMentions.Select(c => c.Totals.Articles));
    }

    public void Dispose() => _databases.Dispose();
}

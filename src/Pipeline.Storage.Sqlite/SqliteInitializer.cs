using Microsoft.Extensions.Hosting;

namespace Pipeline.Storage.Sqlite;

/// <summary>Creates the database file and tables at start-up, before anything reads or writes.</summary>
internal sealed class SqliteInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

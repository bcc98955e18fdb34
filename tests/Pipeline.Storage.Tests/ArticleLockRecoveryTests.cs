using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Core.Articles;
using Pipeline.Storage.Articles;
using Pipeline.Testing;
using Pipeline.Testing.Aggregates;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests;

/// <summary>
/// The article write lock as a lease (Storage:ArticleLockSeconds) renewed by a heartbeat: a dead writer's lock is
/// taken over one lease after its last renewal; a live writer's lock is never taken, however long its save runs.
/// Workers share a fake clock, advanced by the test, so "before" and "after" the lease are exact.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleLockRecoveryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    // Whole seconds, so times read back from the table compare exactly.
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_LockOfKilledWriter_IsTakenOverOneLeaseAfterItsLastRenewal()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var clock = new FakeTimeProvider(Start);
        var lease = TimeSpan.FromSeconds(h.Options.ArticleLockSeconds);
        var (v1, v2) = Versions("locks/killed.txt");
        var lockedAt = clock.GetUtcNow();

        // The worker dies right after taking the lock (its row read and lock write go through; every later request,
        // its heartbeat's and its release's included, fails), as a SIGKILL mid-save leaves it.
        var killed = await Record.ExceptionAsync(() => h.Worker(new CrashAfter(2), clock).SaveAsync(v1, Ct));
        Assert.IsType<CrashedException>(killed);
        var deadLock = await LockOfAsync(h, v1.Id);
        Assert.Equal(lockedAt + lease, deadLock.LockedUntil);

        var save = h.Worker(clock: clock).SaveAsync(v2, Ct);
        await AdvanceAsync(clock, lease - Step, save);
        Assert.False(save.IsCompleted, "the lock was taken before its lease ran out");
        Assert.Equal(deadLock.LockId, (await LockOfAsync(h, v1.Id)).LockId);

        await AdvanceUntilAsync(clock, save);
        Assert.Equal(v2.Blob.ETag, (await h.Store.GetStoredVersionAsync(v2.Id, Ct))?.ETag);
        Assert.Empty(await EntityRecount.DifferencesAsync(h.Store, [(null, null)], Ct));
    }

    [Fact]
    public async Task SaveAsync_LockOfLiveWriterPastSeveralLeases_IsNotTakenOver()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var clock = new FakeTimeProvider(Start);
        var lease = TimeSpan.FromSeconds(h.Options.ArticleLockSeconds);
        var (v1, v2) = Versions("locks/live.txt");
        // The first writer is held in the middle of its save (its analysis blob upload waits); its heartbeat runs.
        var hold = new HoldRequests(m => m.Request.Uri.Path.Contains("/" + h.Options.AnalysisContainer + "/", StringComparison.Ordinal));
        var first = h.Worker(hold, clock).SaveAsync(v1, Ct);
        await hold.Reached;
        var held = await LockOfAsync(h, v1.Id);

        var second = h.Worker(clock: clock).SaveAsync(v2, Ct);
        for (var beat = 1; beat <= 16; beat++)
        {
            // A quarter of a lease at a time, each time until the holder's renewal has landed: four leases in all.
            await AdvanceAsync(clock, lease / 4, second);
            var renewedUntil = clock.GetUtcNow() + lease;
            await WaitForAsync(async () => (await LockOfAsync(h, v1.Id)).LockedUntil == renewedUntil);
            Assert.False(second.IsCompleted, $"the live writer's lock was taken over after {beat} quarter leases");
        }

        Assert.Equal(held.LockId, (await LockOfAsync(h, v1.Id)).LockId);
        hold.Open();
        await first;
        await AdvanceUntilAsync(clock, second);
        Assert.Equal(v2.Blob.ETag, (await h.Store.GetStoredVersionAsync(v2.Id, Ct))?.ETag);
        Assert.Empty(await EntityRecount.DifferencesAsync(h.Store, [(null, null)], Ct));
    }

    [Fact]
    public async Task SaveAsync_WriteFails_ReleasesLockAtOnce()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var clock = new FakeTimeProvider(Start);
        var (v1, v2) = Versions("locks/failed.txt");
        // A live worker whose analysis blob upload fails: the save fails as a whole, and the worker stays up.
        var failing = new FailRequests(m => m.Request.Uri.Path.Contains("/" + h.Options.AnalysisContainer + "/", StringComparison.Ordinal));

        await Assert.ThrowsAsync<CrashedException>(() => h.Worker(failing, clock).SaveAsync(v1, Ct));

        // Without advancing the clock: the lock was given back, not left to run out.
        await h.Worker(clock: clock).SaveAsync(v2, Ct);
        Assert.Equal(v2.Blob.ETag, (await h.Store.GetStoredVersionAsync(v2.Id, Ct))?.ETag);
    }

    private static (ArticleRecord V1, ArticleRecord V2) Versions(string blobName)
    {
        var v1 = new ArticleRecordBuilder().WithBlobName(blobName).WithEntity("Alice Adams").WithEntity("Bob Brown").Build();
        var v2 = new ArticleRecordBuilder().WithBlobName(blobName).WithVersion("0x2", v1.Blob.LastModified.AddMinutes(1))
            .WithEntity("Bob Brown", mentions: 3).WithEntity("Carol Clark").Build();
        return (v1, v2);
    }

    private static async Task<(string? LockId, DateTimeOffset? LockedUntil)> LockOfAsync(StorageHarness h, string articleId)
    {
        var row = (await h.Tables.Articles.GetEntityAsync<TableEntity>(articleId, ArticleRow.RowKey, cancellationToken: Ct)).Value;
        return (row.GetString(ArticleRow.LockId), row.GetDateTimeOffset(ArticleRow.LockedUntil));
    }

    /// <summary>Moves the clock forward in small steps, giving the workers real time to look at the lock between them.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by, Task watched)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += Step)
        {
            clock.Advance(by - moved < Step ? by - moved : Step);
            await Task.WhenAny(watched, Task.Delay(10, Ct));
        }
    }

    /// <summary>
    /// Moves the clock up to a second further (the waiting writer looks again every 50-200 ms), then waits for
    /// <paramref name="task"/>: no further, so the writer's own lease stays fresh however slow storage is.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task task)
    {
        for (var i = 0; i < 10 && !task.IsCompleted; i++)
        {
            clock.Advance(Step);
            await Task.WhenAny(task, Task.Delay(100, Ct));
        }

        await task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail("the holder's heartbeat did not renew its lock");
    }
}

namespace Pipeline.Storage.Articles;

/// <summary>
/// How long a writer may still write under an article's lock. It stops a quarter of the lock's duration before the
/// lock expires, so a writer slowed past its lock (overloaded storage, a long pause) does not write after another
/// worker has taken the lock over and finished: that would leave rows the committed version does not own.
/// </summary>
internal sealed class LockLease(string articleId, DateTimeOffset lockedUntil, TimeSpan duration, TimeProvider time)
{
    private readonly DateTimeOffset _writeUntil = lockedUntil - (duration / 4);

    /// <summary>Throws <see cref="TimeoutException"/> (transient: the trigger retries) once the lease is used up.</summary>
    public void EnsureHeld()
    {
        if (time.GetUtcNow() >= _writeUntil)
        {
            throw new TimeoutException(
                $"Article {articleId}: the write lock is about to expire before the write finished (Storage:ArticleLockSeconds); the operation should be retried.");
        }
    }
}
